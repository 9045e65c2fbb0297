// `pnpm test:faults [--short] [--only <name>,…]`: breaks PostgreSQL, Redis, the JWKS and the
// network of the run's own under load through haproxy in front of two API and two web
// instances (@repo/topology), prints one line per scenario, exits 1 unless all passed.

import { signUpMany } from "@repo/topology/accounts";
import { ensureHaproxy } from "@repo/topology/ensure-haproxy";
import { startFaultTopology } from "../fault-topology";
import { startPrivatePostgres } from "../private-postgres";
import { startPrivateRedis } from "../private-redis";
import { exitCodeOf, formatReport, type ScenarioResult } from "../report";
import { runScenario, type Scenario, type SharedTopology } from "../scenario";
import { jwksUnreachable } from "../scenarios/jwks-unreachable";
import { keyRotation } from "../scenarios/key-rotation";
import { postgresRestart } from "../scenarios/postgres-restart";
import { redisRestart } from "../scenarios/redis-restart";
import { slowDatabase } from "../scenarios/slow-database";
import { startTcpProxy } from "../tcp-proxy";

const SCENARIOS: Scenario[] = [
  postgresRestart,
  redisRestart,
  jwksUnreachable,
  slowDatabase,
  keyRotation,
];

const args = process.argv.slice(2);
const short = args.includes("--short");
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? "").split(",") : undefined;
const unknown = only?.filter((name) => !SCENARIOS.some((s) => s.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(
    `unknown scenario ${unknown.join(", ")}; known: ${SCENARIOS.map((s) => s.name).join(", ")}`,
  );
  process.exit(2);
}
const chosen = SCENARIOS.filter((s) => !only || only.includes(s.name));
const started = Date.now();
const log = (message: string) =>
  console.log(`[faults +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

const teardown: (() => Promise<void>)[] = [];
async function tearDown() {
  for (const step of teardown.splice(0).reverse())
    await step().catch((error) => log(`teardown: ${error}`));
}
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    log(`${signal}: stopping`);
    void tearDown().finally(() => process.exit(130));
  });

const results: ScenarioResult[] = [];
try {
  // Found, or installed as the topology tests do (Debian, root); otherwise set-up fails here.
  ensureHaproxy();
  log("starting a private PostgreSQL and a private Redis");
  // One at a time, each torn down even when the next fails to start.
  const postgres = await startPrivatePostgres();
  teardown.push(() => postgres.destroy());
  const redis = await startPrivateRedis();
  teardown.push(() => redis.stop());
  log(`PostgreSQL on ${postgres.port}, Redis on ${redis.port}`);

  let shared: Promise<SharedTopology> | undefined;
  const startShared = async (): Promise<SharedTopology> => {
    const databaseProxy = await startTcpProxy({ port: postgres.port });
    teardown.push(() => databaseProxy.close());
    const apiDatabase = new URL(postgres.url);
    apiDatabase.port = String(databaseProxy.port);
    log("starting haproxy, two API instances (Next host, Node host) and two web instances");
    const topology = await startFaultTopology({
      databaseUrl: postgres.url,
      apiDatabaseUrl: apiDatabase.toString(),
      redisUrl: redis.url,
    });
    teardown.push(() => topology.close());
    const accounts = await signUpMany(topology.webUrl, topology.mail, 8, "faults");
    log(
      `topology up (api ${topology.apiUrl}, web ${topology.webUrl}), ${accounts.length} users signed up`,
    );
    return { topology, databaseProxy, accounts };
  };
  for (const scenario of chosen) {
    log(`${scenario.name}: running`);
    results.push(
      await runScenario(scenario, {
        postgres,
        redis,
        shared: () => {
          shared ??= startShared();
          return shared;
        },
        short,
        log,
      }),
    );
  }
} catch (error) {
  // Set-up failed: no scenario ran, and the run fails.
  log(`set-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await tearDown();
}

console.log(
  `\nfault scenarios${short ? " (--short)" : ""}, ${((Date.now() - started) / 1000).toFixed(0)} s:`,
);
console.log(formatReport(results));
process.exitCode = process.exitCode || exitCodeOf(results);
