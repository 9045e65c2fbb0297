// `pnpm test:faults [--short] [--only <name>,…]`: breaks PostgreSQL and Redis of the run's own under
// load against the API's Node host, prints one line per scenario, exits 1 unless all passed.
import { startTestIssuer } from "../issuer";
import { startPrivatePostgres } from "../private-postgres";
import { startPrivateRedis } from "../private-redis";
import { exitCodeOf, formatReport, type ScenarioResult } from "../report";
import { runScenario, type Scenario } from "../scenario";
import { postgresRestart } from "../scenarios/postgres-restart";
import { redisRestart } from "../scenarios/redis-restart";
import { slowDatabase } from "../scenarios/slow-database";

const SCENARIOS: Scenario[] = [
  postgresRestart,
  redisRestart,
  slowDatabase({
    name: "slow-db",
    urlTimeouts: {
      query_timeout: 3_000,
      statement_timeout: 2_500,
      idle_in_transaction_session_timeout: 5_000,
    },
  }),
  // The same with DATABASE_URL as deployments set it today: no query or statement timeout.
  slowDatabase({ name: "slow-db-as-shipped" }),
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
  log("starting a private PostgreSQL, a private Redis and a token issuer");
  // One at a time, each torn down even when the next fails to start.
  const postgres = await startPrivatePostgres();
  teardown.push(() => postgres.destroy());
  const redis = await startPrivateRedis();
  teardown.push(() => redis.stop());
  const issuer = await startTestIssuer();
  teardown.push(() => issuer.close());
  log(`PostgreSQL on ${postgres.port}, Redis on ${redis.port}`);
  for (const scenario of chosen) {
    log(`${scenario.name}: running`);
    results.push(await runScenario(scenario, { postgres, redis, issuer, short, log }));
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
