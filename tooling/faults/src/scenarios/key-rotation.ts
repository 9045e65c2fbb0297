import { setTimeout as delay } from "node:timers/promises";
import { runMigrations } from "@repo/db/migrate";
import type { Topology } from "@repo/topology";
import { type Account, refreshTokens, signUpMany } from "@repo/topology/accounts";
import { request } from "@repo/topology/http-client";
import { decodeProtectedHeader } from "jose";
import pg from "pg";
import { apisStillRunning, startFaultTopology } from "../fault-topology";
import { startLoad } from "../load";
import { outcomeOf, type Scenario } from "../scenario";
import { verifyLedger } from "../verify";

// A new kid makes each API instance fetch the JWKS (at most once a second): a request may wait that.
const SLOW_MS = 3_000;
const REFRESH_EVERY_MS = 2_000;
// The API learns a key is gone when it next fetches the JWKS: at the next new kid, which the
// next rotation brings (a rotation interval after the grace ends at worst), or 10 minutes.
const REFUSED_WITHIN_MS = 15_000;

const kidOf = (token: string) => String(decodeProtectedHeader(token).kid);

async function publishedKids(topology: Topology): Promise<string[]> {
  const answer = await request(`${topology.webUrl}/api/auth/jwks`, { timeoutMs: 5_000 });
  if (answer.status !== 200) throw new Error(`GET /api/auth/jwks answered ${answer.status}`);
  return (JSON.parse(answer.text) as { keys: { kid: string }[] }).keys.map((key) => key.kid);
}

/** A database of its own on the private server: keys minted before rotation was on never expire. */
async function freshDatabase(adminUrl: string): Promise<string> {
  const name = `rotation_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await runMigrations({ url: url.toString(), driver: "tcp" });
  return url.toString();
}

async function expiresAt(databaseUrl: string, kid: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // `timestamp` without a zone, holding UTC (drizzle writes toISOString()): epoch reads it so.
    const { rows } = await client.query<{ ms: string | null }>(
      "select extract(epoch from expires_at) * 1000 as ms from jwks where id = $1",
      [kid],
    );
    const ms = rows[0]?.ms;
    return ms === null || ms === undefined ? undefined : Number(ms);
  } finally {
    await client.end();
  }
}

interface Probe {
  at: number;
  api: string;
  status: number | string;
}

/**
 * The web instances rotate their signing key every 20 s and keep a rotated-out key 20 s in the
 * JWKS (AUTH_JWKS_ROTATION_INTERVAL_SECONDS / AUTH_JWKS_GRACE_PERIOD_SECONDS), in a topology of
 * its own on a fresh database. The load runs throughout with tokens refreshed from the web app
 * every 2 s, so it carries each new kid to the API instances as soon as it exists: not one
 * request may fail. A token signed with the first key is sent to each API instance directly
 * twice a second: 200 until that key's grace period ends, then 401.
 */
export const keyRotation: Scenario = {
  name: "key-rotation",
  timeoutMs: 150_000,
  async run(context) {
    const rotationSeconds = context.short ? 12 : 20;
    const graceSeconds = context.short ? 12 : 20;
    const databaseUrl = await freshDatabase(context.postgres.url);
    context.log(
      `key-rotation: a topology rotating every ${rotationSeconds} s, grace ${graceSeconds} s`,
    );
    const topology = await startFaultTopology({
      databaseUrl,
      redisUrl: context.redis.url,
      webEnv: {
        AUTH_JWKS_ROTATION_INTERVAL_SECONDS: String(rotationSeconds),
        AUTH_JWKS_GRACE_PERIOD_SECONDS: String(graceSeconds),
      },
    });
    context.onCleanup(() => topology.close());
    const accounts: Account[] = await signUpMany(topology.webUrl, topology.mail, 6, "rotation");
    const first = accounts[0]?.token;
    if (!first) throw new Error("no account");
    const firstKid = kidOf(first);
    const signedUpAt = Date.now();
    const initialKids = await publishedKids(topology);

    let running = true;
    const loadKids = new Set<string>([firstKid]);
    const refreshFailures: string[] = [];
    const refresher = (async () => {
      while (running) {
        await delay(REFRESH_EVERY_MS);
        await refreshTokens(topology.webUrl, accounts).catch((error: Error) =>
          refreshFailures.push(error.message),
        );
        for (const account of accounts) loadKids.add(kidOf(account.token));
      }
    })();
    const probes: Probe[] = [];
    const prober = (async () => {
      while (running) {
        for (const api of topology.apis) {
          const answer = await request(`${api.url}/api/v1/me`, {
            headers: { authorization: `Bearer ${first}` },
            timeoutMs: SLOW_MS,
          }).catch((error: Error) => ({ status: error.message }));
          probes.push({ at: Date.now(), api: api.name, status: answer.status });
        }
        await delay(500);
      }
    })();
    const load = startLoad({
      apiUrl: topology.apiUrl,
      users: accounts,
      runId: `rot${Date.now().toString(36)}`,
      writers: 2,
      readers: 2,
      readerPauseMs: 100,
      durationMs: 150_000, // stopped below
      expectations: { expectedStatuses: [], slowMs: SLOW_MS },
    });

    try {
      // The rotation: a kid the JWKS did not list at the start.
      let rotatedAt: number | undefined;
      const rotationDeadline = Date.now() + (rotationSeconds + 15) * 1000;
      while (Date.now() < rotationDeadline) {
        if ((await publishedKids(topology)).some((kid) => !initialKids.includes(kid))) {
          rotatedAt = load.mark("rotated");
          break;
        }
        await delay(250);
      }
      if (rotatedAt === undefined) throw new Error("no new kid appeared in /api/auth/jwks");
      context.log("key-rotation: a new key is published");
      const expiry = await expiresAt(databaseUrl, firstKid);
      if (expiry === undefined) throw new Error(`key ${firstKid} has no expiry`);
      const graceEnd = expiry + graceSeconds * 1000;
      // Until each API instance refuses the first key's token, or the deadline.
      const refusedBy = () =>
        new Set(probes.filter((p) => p.at >= graceEnd && p.status === 401).map((p) => p.api));
      while (Date.now() < graceEnd + REFUSED_WITHIN_MS && refusedBy().size < topology.apis.length)
        await delay(250);
      await delay(1_000); // a few more probes after the last instance refused it
      const stillListed = (await publishedKids(topology)).includes(firstKid);
      running = false;
      load.stop();
      const [result] = await Promise.all([load.result, refresher, prober]);

      const before = probes.filter((p) => p.at < graceEnd - 250);
      const afterRotation = before.filter((p) => p.at >= rotatedAt);
      const refusedAfter = topology.apis.map((api) => {
        const firstRefusal = probes.find((p) => p.api === api.name && p.status === 401);
        return firstRefusal ? firstRefusal.at - graceEnd : undefined;
      });
      const verification = await verifyLedger(databaseUrl, result.ledger);
      return outcomeOf(
        result,
        verification,
        [
          {
            name: "the load carried tokens of more than one key (the rotation happened under it)",
            ok: loadKids.size >= 2,
            detail: `${loadKids.size} kids; the first new key published ${((rotatedAt - signedUpAt) / 1000).toFixed(0)} s after the first token`,
          },
          {
            name: "every token refresh from the web app succeeded",
            ok: refreshFailures.length === 0,
            detail: refreshFailures.slice(0, 2).join("; ") || undefined,
          },
          {
            name: "the first key's token verified (200) at both API instances until its grace ended",
            ok: afterRotation.length > 0 && before.every((p) => p.status === 200),
            detail: `${before.length} probes, ${afterRotation.length} after the rotation; not 200: ${before
              .filter((p) => p.status !== 200)
              .slice(0, 3)
              .map((p) => `${p.api} ${p.status}`)
              .join(", ")}`,
          },
          {
            name: `then 401 at each API instance within ${REFUSED_WITHIN_MS / 1000} s, and from then on`,
            ok: topology.apis.every((api, i) => {
              const after = refusedAfter[i];
              const firstRefusal = probes.findIndex((p) => p.api === api.name && p.status === 401);
              return (
                after !== undefined &&
                after >= -250 &&
                after <= REFUSED_WITHIN_MS &&
                probes.slice(firstRefusal).every((p) => p.api !== api.name || p.status === 401)
              );
            }),
            detail: topology.apis
              .map((api, i) => {
                const after = refusedAfter[i];
                return `${api.name} ${after === undefined ? "never" : `${(after / 1000).toFixed(1)} s after`}`;
              })
              .join(", "),
          },
          {
            name: "the JWKS no longer lists the first key",
            ok: !stillListed,
          },
          apisStillRunning(topology),
        ],
        null,
      );
    } finally {
      running = false;
      load.stop();
      await Promise.allSettled([load.result, refresher, prober]);
    }
  },
};
