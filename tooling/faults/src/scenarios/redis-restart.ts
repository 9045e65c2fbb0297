import { setTimeout as delay } from "node:timers/promises";
import type { Topology } from "@repo/topology";
import { loopbackAddress, request } from "@repo/topology/http-client";
import { apisStillRunning, PROBE_IP_LIMIT } from "../fault-topology";
import { startLoad } from "../load";
import { outcomeOf, type Scenario } from "../scenario";
import { verifyLedger } from "../verify";

const LIMITING_BACK_WITHIN_MS = 5_000;
// The limiter gives Redis at most 1 s (rate-limit/create-rate-limiter.ts, 500 ms by default).
const SLOW_MS = 2_000;
const STORE_DOWN = /^Rate-limit store unavailable/;

/**
 * Anonymous requests from an address of its own through haproxy until one is a 429 (the `ip`
 * policy, PROBE_IP_LIMIT a minute, counted in the shared store); resolves with when, or
 * undefined at the deadline. A fresh address each time: its count starts at 0.
 */
async function firstLimited(topology: Topology, withinMs: number) {
  const statuses: number[] = [];
  const localAddress = loopbackAddress();
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const answer = await request(`${topology.apiUrl}/api/v1/me`, {
      localAddress,
      timeoutMs: SLOW_MS,
    });
    statuses.push(answer.status);
    if (answer.status === 429) return { at: Date.now(), statuses };
    await delay(20);
  }
  return { at: undefined, statuses };
}

const summary = (statuses: number[]) =>
  Object.entries(
    statuses.reduce<Record<number, number>>((counts, status) => {
      counts[status] = (counts[status] ?? 0) + 1;
      return counts;
    }, {}),
  )
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");

/**
 * Redis, the rate-limit store both API instances share, is killed (SIGKILL) and restarted empty
 * on the same port while the load runs through haproxy. The limiter fails open: no request
 * fails; each API instance logs the outage once (a warning); and limiting is back within 5 s,
 * shown by an anonymous probe that gets a 429 again.
 */
export const redisRestart: Scenario = {
  name: "redis-restart",
  timeoutMs: 60_000,
  async run(context) {
    const outageMs = context.short ? 2_000 : 4_000;
    const { topology, accounts } = await context.shared();
    let down = false;
    context.onCleanup(async () => {
      // A killed Redis must not stay down for the next scenario.
      if (down) await context.redis.restart();
    });
    const warningsBefore = topology.apis.map(
      (api) => api.logs.filter((l) => l.level === "warn" && STORE_DOWN.test(String(l.msg))).length,
    );

    const before = await firstLimited(topology, 5_000);
    const load = startLoad({
      apiUrl: topology.apiUrl,
      users: accounts,
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
    down = true;
    await context.redis.kill();
    // While it is down the probe is served (a 401: no limit applied), never limited or failed.
    const duringOutage = await firstLimited(topology, outageMs);
    await context.redis.restart();
    down = false;
    const faultEnd = load.mark("faultEnd");
    const after = await firstLimited(topology, 10_000);
    const result = await load.result;
    const limitingBackMs = after.at === undefined ? undefined : after.at - faultEnd;

    const warnings = topology.apis.map(
      (api, i) =>
        api.logs.filter((l) => l.level === "warn" && STORE_DOWN.test(String(l.msg))).length -
        (warningsBefore[i] ?? 0),
    );
    const verification = await verifyLedger(context.postgres.url, result.ledger);
    return {
      ...outcomeOf(
        result,
        verification,
        [
          {
            name: `limiting worked before the fault (an anonymous probe got a 429 at ${PROBE_IP_LIMIT}/60)`,
            ok: before.at !== undefined,
            detail: summary(before.statuses),
          },
          {
            name: "while Redis was down the probe was answered unlimited (fail open), never refused or failed",
            ok: duringOutage.statuses.length > 0 && duringOutage.statuses.every((s) => s === 401),
            detail: summary(duringOutage.statuses),
          },
          {
            name: "exactly one warning about the store per API instance",
            ok: warnings.every((count) => count === 1),
            detail: topology.apis.map((api, i) => `${api.name} ${warnings[i]}`).join(", "),
          },
          {
            name: `limiting back within ${LIMITING_BACK_WITHIN_MS / 1000} s of Redis's return (the probe got a 429 again)`,
            ok: limitingBackMs !== undefined && limitingBackMs <= LIMITING_BACK_WITHIN_MS,
            detail: summary(after.statuses),
          },
          apisStillRunning(topology),
        ],
        limitingBackMs,
      ),
      note: `warnings ${topology.apis.map((api, i) => `${api.name}×${warnings[i]}`).join(" ")}`,
    };
  },
};
