import { setTimeout as delay } from "node:timers/promises";
import { DATABASE_TIMEOUTS } from "@repo/db/client";
import { apisStillRunning } from "../fault-topology";
import { startLoad } from "../load";
import { timeToRecover } from "../recovery";
import { outcomeOf, type Scenario } from "../scenario";
import { verifyLedger } from "../verify";

const RECOVER_WITHIN_MS = 5_000;
// A create is a transaction of several statements; the first the stall catches waits the client's
// query timeout, and the rollback one more: two of them (or a connect timeout), plus 2 s for a
// machine under load (10.5 s seen for the slowest create).
const SLOW_MS =
  Math.max(2 * DATABASE_TIMEOUTS.query_timeout, DATABASE_TIMEOUTS.connectionTimeoutMillis) + 2_000;

/**
 * PostgreSQL behind the TCP proxy the API instances reach it through (the web instances go
 * direct), with the timeouts the pool ships with (packages/db/src/client.ts): the proxy first
 * adds latency, then holds every byte (a stalled network or a hung server), then lets go, then
 * cuts every connection. While it stalls, requests end with 503 within the timeouts, not hang
 * (the API's, or haproxy's once the readiness checks took the instances out); once it lets go,
 * the pools serve again within 5 s, and again after the cut.
 */
export const slowDatabase: Scenario = {
  name: "slow-db",
  timeoutMs: 120_000,
  async run(context) {
    // Longer than the bound, so some requests are caught by the stall from start to bound.
    const stallMs = SLOW_MS + 2_000;
    const { topology, accounts, databaseProxy: proxy } = await context.shared();
    context.onCleanup(async () => {
      proxy.setLatency(0);
      proxy.resume();
    });

    const load = startLoad({
      apiUrl: topology.apiUrl,
      users: accounts,
      runId: `sdb${Date.now().toString(36)}`,
      writers: 4,
      readers: 2,
      durationMs: 2_000 + 2_000 + stallMs + 5_000 + 5_000,
      expectations: { expectedStatuses: [503], slowMs: SLOW_MS },
    });
    await delay(2_000);
    proxy.setLatency(50);
    const latencyFrom = load.mark("latency");
    await delay(2_000);
    const latencyTo = Date.now();
    proxy.setLatency(0);
    load.mark("faultStart");
    context.log(`slow-db: holding every byte for ${stallMs / 1000} s`);
    proxy.pause();
    await delay(stallMs);
    proxy.resume();
    const faultEnd = load.mark("faultEnd");
    await delay(5_000);
    context.log("slow-db: cutting every connection");
    const cutAt = load.mark("cut");
    proxy.cutAll();
    const result = await load.result;

    const successOf = (from: number) =>
      timeToRecover(
        result.observations.map((o) => ({
          endedAt: o.endedAt,
          success: o.outcome.kind === "success",
        })),
        from,
        5,
      );
    const recoveryMs = successOf(faultEnd);
    const afterCutMs = successOf(cutAt);
    const slowed = result.observations.filter(
      (o) => o.startedAt >= latencyFrom && o.endedAt <= latencyTo,
    );
    // Requests the stall caught: still running 100 ms into it (not slipped through as it
    // began), and started early enough that their time bound ran out before it ended.
    const stallFrom = (result.marks.faultStart ?? 0) + 100;
    const stalled = result.observations.filter(
      (o) => o.endedAt >= stallFrom && o.startedAt <= faultEnd - SLOW_MS,
    );
    const caughtMs = stalled.map((o) => o.endedAt - o.startedAt);
    const verification = await verifyLedger(context.postgres.url, result.ledger);
    return outcomeOf(
      result,
      verification,
      [
        {
          name: "with 50 ms latency each way, requests still succeed",
          ok: slowed.length > 0 && slowed.every((o) => o.outcome.kind === "success"),
          detail: `${slowed.filter((o) => o.outcome.kind === "success").length}/${slowed.length}`,
        },
        {
          name: `while stalled, requests end with 503 + Retry-After within ${SLOW_MS / 1000} s`,
          ok: stalled.length > 0 && stalled.every((o) => o.outcome.kind === "expected"),
          detail: `${stalled.length} requests caught by the stall: ${stalled.filter((o) => o.status === 503).length} × 503, slowest ${(Math.max(0, ...caughtMs) / 1000).toFixed(1)} s`,
        },
        {
          name: `the pools serve again within ${RECOVER_WITHIN_MS / 1000} s of the stall's end`,
          ok: recoveryMs !== undefined && recoveryMs <= RECOVER_WITHIN_MS,
        },
        {
          name: `and within ${RECOVER_WITHIN_MS / 1000} s of every connection being cut`,
          ok: afterCutMs !== undefined && afterCutMs <= RECOVER_WITHIN_MS,
          detail: afterCutMs === undefined ? "never" : `${(afterCutMs / 1000).toFixed(1)} s`,
        },
        apisStillRunning(topology),
      ],
      recoveryMs,
    );
  },
};
