import { setTimeout as delay } from "node:timers/promises";
import { apisStillRunning } from "../fault-topology";
import { startLoad } from "../load";
import { timeToRecover } from "../recovery";
import { outcomeOf, type Scenario } from "../scenario";
import { verifyLedger } from "../verify";

// With the server down a connect is refused at once: nothing should come near the pool's
// connect timeout (3 s, packages/db/src/client.ts).
const SLOW_MS = 4_000;
const RECOVER_WITHIN_MS = 5_000;

/**
 * PostgreSQL stops (fast shutdown: sessions terminated) for 10 s, then starts again on the same
 * data, while writers create todos with Idempotency-Keys and readers list, through haproxy to
 * both API instances. While it is down only 503s with Retry-After come back (the API's, then
 * haproxy's once the readiness checks took the instances out); within 5 s of its return the
 * service is whole again without restarting anything; no acknowledged create is lost and no
 * key makes two todos.
 */
export const postgresRestart: Scenario = {
  name: "postgres-restart",
  timeoutMs: 90_000,
  async run(context) {
    const outageMs = context.short ? 5_000 : 10_000;
    const { topology, accounts } = await context.shared();
    // Whatever happens, the next scenario gets a running database.
    context.onCleanup(() => context.postgres.start());

    const load = startLoad({
      apiUrl: topology.apiUrl,
      users: accounts,
      runId: `pgr${Date.now().toString(36)}`,
      writers: 4,
      readers: 2,
      durationMs: 3_000 + outageMs + 6_000,
      expectations: { expectedStatuses: [503], slowMs: SLOW_MS },
    });
    await delay(3_000);
    load.mark("faultStart");
    context.log(`postgres-restart: stopping PostgreSQL for ${outageMs / 1000} s`);
    await context.postgres.stop();
    const down = load.mark("down");
    await delay(outageMs / 2);
    // Halfway, haproxy has taken both instances out (readiness fails) and answers 503 itself.
    const apisUpWhileDown = (await topology.proxy.servers()).filter(
      (s) => s.backend === "api" && s.health === "up",
    ).length;
    await delay(outageMs / 2);
    const starting = load.mark("starting");
    await context.postgres.start();
    const faultEnd = load.mark("faultEnd");
    context.log("postgres-restart: PostgreSQL is back");
    const result = await load.result;
    // Full service: both instances back in haproxy's rotation (their readiness checks pass).
    const servers = await topology.proxy.servers();
    const apisUp = servers.filter((s) => s.backend === "api" && s.health === "up").length;

    // Requests wholly inside the time the server was down (not while it stopped or started).
    const during = result.observations.filter((o) => o.startedAt >= down && o.endedAt <= starting);
    const recoveryMs = timeToRecover(
      result.observations.map((o) => ({
        endedAt: o.endedAt,
        success: o.outcome.kind === "success",
      })),
      faultEnd,
      5,
    );
    const verification = await verifyLedger(context.postgres.url, result.ledger);
    return outcomeOf(
      result,
      verification,
      [
        {
          name: "the outage was seen: requests during it got 503",
          ok: during.some((o) => o.status === 503),
          detail: `${during.length} requests while down, ${during.filter((o) => o.status === 503).length} × 503, ${during.filter((o) => o.outcome.kind === "success").length} × success`,
        },
        {
          name: "haproxy took both API instances out while it was down (its 503 carries Retry-After too)",
          ok: apisUpWhileDown === 0,
          detail: `${apisUpWhileDown} up halfway through`,
        },
        {
          name: "nothing succeeded while the database was down",
          ok: during.every((o) => o.outcome.kind !== "success"),
        },
        {
          name: `full service within ${RECOVER_WITHIN_MS / 1000} s of the database's return (5 successes in a row)`,
          ok: recoveryMs !== undefined && recoveryMs <= RECOVER_WITHIN_MS,
        },
        {
          name: "a create retried with its Idempotency-Key after a failure yields exactly one todo",
          ok: verification.retriedAcknowledged > 0,
          detail: `${verification.retriedAcknowledged} creates acknowledged after a retry; ${verification.unacknowledgedStored} stored without an acknowledgement`,
        },
        {
          name: "both API instances back in haproxy's rotation at the end",
          ok: apisUp === topology.apis.length,
          detail: `${apisUp}/${topology.apis.length} up`,
        },
        apisStillRunning(topology),
      ],
      recoveryMs,
    );
  },
};
