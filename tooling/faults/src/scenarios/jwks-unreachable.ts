import { setTimeout as delay } from "node:timers/promises";
import { refreshTokens, tokenFor } from "@repo/topology/accounts";
import { request } from "@repo/topology/http-client";
import { apisStillRunning } from "../fault-topology";
import { startLoad } from "../load";
import { outcomeOf, type Scenario } from "../scenario";
import { verifyLedger } from "../verify";

const SLOW_MS = 3_000;

/**
 * Both web instances, the token issuer and its JWKS, are stopped while the load runs with tokens
 * issued just before (new strings, so no verification of them is cached, signed with the key the
 * API instances hold). Every request succeeds, and `/api/health/ready` of each API instance stays
 * 200 throughout; then the web instances start again and haproxy takes them back.
 */
export const jwksUnreachable: Scenario = {
  name: "jwks-unreachable",
  timeoutMs: 90_000,
  async run(context) {
    const outageMs = context.short ? 5_000 : 8_000;
    const { topology, accounts } = await context.shared();
    context.onCleanup(async () => {
      // Whatever happened, the next scenario gets its web instances back.
      for (const web of topology.webs) if (!web.running) await web.start();
      for (const web of topology.webs)
        await topology.proxy.waitFor("web", web.name, (s) => s.health === "up", 15_000);
    });

    // iat has whole seconds: a second later, /api/auth/token signs strings never verified yet.
    await delay(1_100);
    await refreshTokens(topology.webUrl, accounts);
    context.log("jwks-unreachable: stopping both web instances");
    await Promise.all(topology.webs.map((web) => web.stop("SIGTERM", 10_000)));
    const jwks = await request(`${topology.webUrl}/api/auth/jwks`, { timeoutMs: 5_000 }).then(
      (answer) => answer.status,
      (error: Error) => error.message,
    );

    const loadStarted = Date.now();
    const load = startLoad({
      apiUrl: topology.apiUrl,
      users: accounts,
      runId: `jwk${Date.now().toString(36)}`,
      writers: 3,
      readers: 2,
      durationMs: outageMs,
      expectations: { expectedStatuses: [], slowMs: SLOW_MS },
    });
    const readiness: string[] = [];
    while (Date.now() < loadStarted + outageMs) {
      for (const api of topology.apis) {
        const answer = await request(`${api.url}/api/health/ready`, { timeoutMs: 3_000 }).catch(
          (error: Error) => ({ status: error.message }),
        );
        if (answer.status !== 200) readiness.push(`${api.name}: ${answer.status}`);
      }
      await delay(250);
    }
    const result = await load.result;

    context.log("jwks-unreachable: starting the web instances again");
    const restartedAt = Date.now();
    await Promise.all(topology.webs.map((web) => web.start()));
    for (const web of topology.webs)
      await topology.proxy.waitFor("web", web.name, (s) => s.health === "up", 15_000);
    const backMs = Date.now() - restartedAt;
    const [first] = accounts;
    const issued = first
      ? await tokenFor(topology.webUrl, first.cookie).then(
          () => "200",
          (error: Error) => error.message,
        )
      : "no account";

    const verification = await verifyLedger(context.postgres.url, result.ledger);
    return outcomeOf(
      result,
      verification,
      [
        {
          name: "the JWKS was unreachable through the proxy",
          ok: jwks !== 200,
          detail: `GET /api/auth/jwks: ${jwks}`,
        },
        {
          name: "every API instance's /api/health/ready stayed 200",
          ok: readiness.length === 0,
          detail: readiness.slice(0, 3).join(", ") || undefined,
        },
        {
          name: "once started again, the web app issues tokens again",
          ok: issued === "200",
          detail: `${issued}; both up in haproxy ${(backMs / 1000).toFixed(1)} s after the start`,
        },
        apisStillRunning(topology),
      ],
      // Recovery here: from starting the web instances to haproxy serving both again.
      backMs,
    );
  },
};
