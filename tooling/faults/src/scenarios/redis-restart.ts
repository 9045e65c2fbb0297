import { setTimeout as delay } from "node:timers/promises";
import { type ApiHost, startApiHost } from "../api-host";
import type { LoadUser } from "../load";
import { startLoad } from "../load";
import { apiEnv, apiStillRunning, outcomeOf, type Scenario } from "../scenario";
import { verifyLedger } from "../verify";

const LIMIT = 20;
const LIMITING_BACK_WITHIN_MS = 5_000;
// The limiter gives Redis at most 1 s (rate-limit/create-rate-limiter.ts, 500 ms by default).
const SLOW_MS = 2_000;
const STORE_DOWN = /^Rate-limit store unavailable/;

/** Sends requests as `probe` until one is a 429; resolves with when, or undefined at the deadline. */
async function firstLimited(api: ApiHost, probe: LoadUser, withinMs: number) {
  const statuses: number[] = [];
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${api.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${probe.token}` },
      signal: AbortSignal.timeout(SLOW_MS),
    });
    await response.arrayBuffer();
    statuses.push(response.status);
    if (response.status === 429) return { at: Date.now(), statuses };
    await delay(25);
  }
  return { at: undefined, statuses };
}

/**
 * Redis, the rate-limit store, is killed (SIGKILL) and restarted empty on the same port while the
 * load runs with a small per-user limit spread over many users. The limiter fails open: no
 * request fails; the outage is logged once (a warning); and limiting is back within 5 s, shown
 * by a probe user who gets a 429 again.
 */
export const redisRestart: Scenario = {
  name: "redis-restart",
  timeoutMs: 60_000,
  async run(context) {
    const outageMs = context.short ? 2_000 : 4_000;
    // Each load user stays far below LIMIT: the load itself must never be limited.
    const users = await context.issuer.createUsers(context.postgres.url, 600, "redis-load");
    const [probe] = await context.issuer.createUsers(context.postgres.url, 1, "redis-probe");
    if (!probe) throw new Error("no probe user");
    const api = await startApiHost(apiEnv(context, { RATE_LIMIT_USER: `${LIMIT}/60` }));
    context.onCleanup(() => api.stop());
    context.onCleanup(async () => {
      // A killed Redis must not stay down for the next scenario.
      if (
        !(await fetch(`${api.url}/api/health/ready`).then(
          (r) => r.ok,
          () => false,
        ))
      )
        await context.redis.restart();
    });

    const before = await firstLimited(api, probe, 5_000);
    const load = startLoad({
      apiUrl: api.url,
      users,
      runId: `rdr${Date.now().toString(36)}`,
      writers: 3,
      readers: 2,
      durationMs: 2_000 + outageMs + 4_000,
      readerPauseMs: 20,
      expectations: { expectedStatuses: [], slowMs: SLOW_MS },
    });
    await delay(2_000);
    load.mark("faultStart");
    context.log(`redis-restart: killing Redis for ${outageMs / 1000} s`);
    await context.redis.kill();
    // While it is down the probe is served: no limit is applied.
    const duringOutage = await firstLimited(api, probe, outageMs);
    await context.redis.restart();
    const faultEnd = load.mark("faultEnd");
    const after = await firstLimited(api, probe, 10_000);
    const result = await load.result;
    const limitingBackMs = after.at === undefined ? undefined : after.at - faultEnd;

    const warnings = api.logs.filter(
      (line) => line.level === "warn" && STORE_DOWN.test(String(line.msg)),
    );
    const verification = await verifyLedger(context.postgres.url, result.ledger);
    return outcomeOf(
      result,
      verification,
      [
        {
          name: `limiting worked before the fault (a ${LIMIT}/60 probe got a 429)`,
          ok: before.at !== undefined,
          detail: `after ${before.statuses.length} requests`,
        },
        {
          name: "while Redis was down the probe was served (fail open), never refused or failed",
          ok: duringOutage.at === undefined && duringOutage.statuses.every((s) => s === 200),
          detail: `${duringOutage.statuses.length} requests: ${[...new Set(duringOutage.statuses)].join(", ")}`,
        },
        {
          name: "exactly one warning logged about the store",
          ok: warnings.length === 1,
          detail: `${warnings.length} warn lines`,
        },
        {
          name: `limiting back within ${LIMITING_BACK_WITHIN_MS / 1000} s of Redis's return (the probe got a 429 again)`,
          ok: limitingBackMs !== undefined && limitingBackMs <= LIMITING_BACK_WITHIN_MS,
          detail: `after ${after.statuses.length} requests`,
        },
        apiStillRunning(api),
      ],
      limitingBackMs,
    );
  },
};
