import { setTimeout as delay } from "node:timers/promises";
import { startApiHost } from "../api-host";
import { startLoad } from "../load";
import { timeToRecover } from "../recovery";
import { apiEnv, apiStillRunning, outcomeOf, type Scenario } from "../scenario";
import { startTcpProxy } from "../tcp-proxy";
import { verifyLedger } from "../verify";

const RECOVER_WITHIN_MS = 5_000;
// node-postgres's connectionTimeoutMillis in packages/db/src/client.ts.
const CONNECT_TIMEOUT_MS = 5_000;

export interface SlowDatabaseOptions {
  name: string;
  /**
   * Timeouts for node-postgres, carried by DATABASE_URL's query string (pg-connection-string
   * passes them to the client): `query_timeout` ends a query the client waits on, the server's
   * `statement_timeout` and `idle_in_transaction_session_timeout` end its side. None: as shipped.
   */
  urlTimeouts?: {
    query_timeout: number;
    statement_timeout: number;
    idle_in_transaction_session_timeout: number;
  };
}

/**
 * PostgreSQL behind a TCP proxy that first adds latency, then holds every byte (a stalled network
 * or a hung server), then lets go, then cuts every connection. While it stalls, requests must end
 * with 503 at the configured timeouts, not hang; once it lets go, the pool must serve again
 * within 5 s, and again after the cut.
 */
export function slowDatabase({ name, urlTimeouts }: SlowDatabaseOptions): Scenario {
  // A create is a transaction of several statements; each may take a query timeout, and its
  // rollback one more: the bound is two of them, or the connect timeout, plus a margin.
  const slowMs = urlTimeouts
    ? Math.max(2 * urlTimeouts.query_timeout, CONNECT_TIMEOUT_MS) + 1_000
    : CONNECT_TIMEOUT_MS + 1_000;
  return {
    name,
    timeoutMs: 90_000,
    async run(context) {
      const stallMs = context.short ? 6_000 : 8_000;
      const users = await context.issuer.createUsers(context.postgres.url, 8, "slow-db");
      const proxy = await startTcpProxy({ port: context.postgres.port });
      context.onCleanup(() => proxy.close());
      const url = new URL(context.postgres.url);
      url.port = String(proxy.port);
      for (const [key, value] of Object.entries(urlTimeouts ?? {}))
        url.searchParams.set(key, String(value));
      const api = await startApiHost(apiEnv(context, { DATABASE_URL: url.toString() }));
      context.onCleanup(() => api.stop());

      const load = startLoad({
        apiUrl: api.url,
        users,
        runId: `sdb${Date.now().toString(36)}`,
        writers: 4,
        readers: 2,
        durationMs: 2_000 + 2_000 + stallMs + 5_000 + 5_000,
        expectations: { expectedStatuses: [503], slowMs },
      });
      await delay(2_000);
      proxy.setLatency(50);
      const latencyFrom = load.mark("latency");
      await delay(2_000);
      const latencyTo = Date.now();
      proxy.setLatency(0);
      load.mark("faultStart");
      context.log(`${name}: holding every byte for ${stallMs / 1000} s`);
      proxy.pause();
      await delay(stallMs);
      proxy.resume();
      const faultEnd = load.mark("faultEnd");
      await delay(5_000);
      context.log(`${name}: cutting every connection`);
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
        (o) => o.endedAt >= stallFrom && o.startedAt <= faultEnd - slowMs,
      );
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
            name: `while stalled, requests end with 503 within ${slowMs / 1000} s`,
            ok: stalled.length > 0 && stalled.every((o) => o.outcome.kind === "expected"),
            detail: `${stalled.length} requests caught by the stall: ${stalled.filter((o) => o.status === 503).length} × 503`,
          },
          {
            name: `the pool serves again within ${RECOVER_WITHIN_MS / 1000} s of the stall's end`,
            ok: recoveryMs !== undefined && recoveryMs <= RECOVER_WITHIN_MS,
          },
          {
            name: `and within ${RECOVER_WITHIN_MS / 1000} s of every connection being cut`,
            ok: afterCutMs !== undefined && afterCutMs <= RECOVER_WITHIN_MS,
            detail: afterCutMs === undefined ? "never" : `${(afterCutMs / 1000).toFixed(1)} s`,
          },
          apiStillRunning(api),
        ],
        recoveryMs,
      );
    },
  };
}
