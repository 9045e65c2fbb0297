import { createApiKeys } from "./api-keys";
import { connectRedis } from "./baseline/redis.mjs";
import type { Cleanup } from "./cleanup";
import { createBenchDatabase, startBenchServer } from "./database";
import {
  deepCursor,
  type GrowthCallers,
  type GrowthRefs,
  measureGrowth,
  type SampleOptions,
} from "./growth";
import { type HostSpec, hostSpecs, missingBuild, type RunningHost, startHost } from "./hosts";
import { measure } from "./load";
import { log, message } from "./log";
import { type BenchOptions, KEY_MODE_JWT, type TokenMode } from "./options";
import { startOtlpSink } from "./otlp-sink";

/** With --otlp, the sampler the caller chose (OTEL_TRACES_SAMPLER[_ARG]) reaches the hosts too. */
function samplerEnv(): Record<string, string> {
  const names = ["OTEL_TRACES_SAMPLER", "OTEL_TRACES_SAMPLER_ARG"] as const;
  return Object.fromEntries(
    names.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
  );
}

import type { HostGrowthRow, LoadRow } from "./report";
import { type Caller, type Scenario, scenariosFor } from "./scenarios";
import { type Fixtures, FULL_SIZES, resetData, SMOKE_SIZES, seed } from "./seed";
import { smoke } from "./smoke";
import { startIssuer } from "./tokens";

export interface RunResult {
  load: LoadRow[];
  growth: HostGrowthRow[];
  /** Said in the report: hosts left out and why. */
  notes: string[];
  /** What makes the run exit non-zero. */
  failures: string[];
  /** Smoke checks that passed. */
  passed: number;
}

async function redisUrlFor(options: BenchOptions): Promise<string | undefined> {
  const url = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  try {
    const redis = await connectRedis(url);
    try {
      await redis.command("PING");
    } finally {
      redis.close();
    }
    return url;
  } catch (error) {
    const why = `Redis at ${url} is not reachable (${message(error)})`;
    if (!options.smoke)
      throw new Error(`${why}: the full run keeps rate limits in Redis. Set REDIS_URL.`);
    log(`warning: ${why}; the smoke run keeps rate limits in each process`);
    return undefined;
  }
}

/**
 * The whole run: a database seeded once (with an API key per user when the key mode runs), then
 * for each token mode and each host: start it, load it scenario by scenario (or check each
 * answers 2xx, in smoke mode), stop it, and put the data back as seeded for the next host.
 */
export async function run(
  root: string,
  options: BenchOptions,
  cleanup: Cleanup,
): Promise<RunResult> {
  const result: RunResult = { load: [], growth: [], notes: [], failures: [], passed: 0 };
  const specs = hostSpecs(root);
  const hosts: HostSpec[] = [];
  for (const name of options.hosts) {
    const missing = missingBuild(specs[name], root);
    if (!missing) {
      hosts.push(specs[name]);
      continue;
    }
    log(`missing host: ${missing}`);
    if (options.smoke) result.failures.push(missing);
    else result.notes.push(`missing host, not measured: ${missing}`);
  }
  if (hosts.length === 0) {
    result.failures.push("no host to benchmark");
    return result;
  }

  const server = await startBenchServer(process.env);
  cleanup.add("stop the embedded PostgreSQL", server.stop);
  const serverUrl = server.adminUrl;
  const redisUrl = await redisUrlFor(options);
  const sink = options.otlp ? await startOtlpSink() : undefined;
  if (sink) cleanup.add("close the OTLP sink", sink.close);
  const sizes = options.smoke ? SMOKE_SIZES : FULL_SIZES;
  const depth = options.smoke ? 200 : 90_000;

  log(
    `database: creating bench_${process.pid} and seeding ${sizes.users} users × ${sizes.todosPerUser} todos + growth users (${sizes.growthProjects} projects, ${sizes.growthLabels} labels each)`,
  );
  const database = await createBenchDatabase(serverUrl);
  cleanup.add("drop the bench database", database.drop);
  const seedStarted = performance.now();
  const fixtures = await seed(database.url, sizes);
  log(`database: seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  const growth: GrowthPlan = {
    smoke: options.smoke,
    refs: { large: fixtures.growth.large, small: fixtures.growth.small },
    sizes: { large: sizes.largeTodos, small: sizes.smallTodos, depth },
    sampling: options.smoke
      ? { samples: 1, warmup: 0, maxSeconds: 1 }
      : { samples: options.growthSamples, warmup: 10, maxSeconds: options.growthSeconds },
  };
  const keyCallers = options.modes.includes("apikey")
    ? await seedApiKeys(database.url, fixtures.users)
    : [];
  for (const [modeIndex, mode] of options.modes.entries()) {
    cleanup.check();
    const issuer = await startIssuer(mode === "apikey" ? KEY_MODE_JWT : mode);
    cleanup.add(`close the ${issuer.mode} issuer`, issuer.close);
    const jwtCallers: Caller[] = await Promise.all(
      fixtures.users.map(async (user) => ({
        token: await issuer.sign(user),
        todoIds: user.todoIds,
      })),
    );
    growth.tokens = {
      large: await issuer.sign(fixtures.growth.large),
      small: await issuer.sign(fixtures.growth.small),
    };
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      LOG_LEVEL: "info",
      RATE_LIMIT_USER: "100000000/60",
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      ...(sink ? { OTEL_EXPORTER_OTLP_ENDPOINT: sink.endpoint, ...samplerEnv() } : {}),
      ...issuer.env,
    };
    const scenarios = scenariosFor(mode);

    for (const spec of hostsFor(mode, hosts, options.modes)) {
      // The baseline has no key path: in the key mode it is called with the mode's JWTs.
      const credential: TokenMode =
        mode === "apikey" && spec.name === "baseline" ? issuer.mode : mode;
      const callers = credential === "apikey" ? keyCallers : jwtCallers;
      const label = `${credential} ${spec.name}`;
      let host: RunningHost | undefined;
      try {
        cleanup.check();
        host = await startHost(spec, env, (stop) => cleanup.add(`stop ${spec.name}`, stop));
        log(`${label}: ready at ${host.url} (pid ${host.pid})`);
        if (options.smoke) {
          const checked = await smoke(host, credential, scenarios, callers);
          result.passed += checked.passed;
          result.failures.push(...checked.failures);
        } else await load(host, credential, scenarios, callers, options, result, cleanup);
        // Growth is a matter of the database and the query, not of the token: once per host
        // (in smoke runs, once per JWT mode; its requests send JWTs in every mode).
        if (modeIndex === 0 || (options.smoke && mode !== "apikey"))
          await measureHostGrowth(host, label, growth, result);
      } catch (error) {
        if (cleanup.closing) break;
        result.failures.push(`${label}: ${message(error)}`);
        log(`${label}: FAILED: ${message(error)}`);
      } finally {
        await host?.stop();
        if (!cleanup.closing) await resetData(database.url);
      }
    }
    await issuer.close();
  }
  if (sink) reportSink(sink.received(), hosts, result);
  return result;
}

/** What the hosts exported (each flushes on its shutdown); none at all means export is broken. */
function reportSink(
  received: { traces: number; metrics: number; bytes: number },
  hosts: HostSpec[],
  result: RunResult,
) {
  const line = `OTLP sink received ${received.traces} trace and ${received.metrics} metric exports, ${(received.bytes / 2 ** 20).toFixed(1)} MiB`;
  log(line);
  result.notes.push(line);
  const exporting = hosts.some((host) => host.name !== "baseline");
  if (exporting && (received.traces === 0 || received.metrics === 0))
    result.failures.push(`--otlp: the hosts exported no traces or no metrics (${line})`);
}

/**
 * The key mode's hosts: the API's two. The baseline joins them only when the run has no
 * KEY_MODE_JWT rows of its own, which the key rows are then compared with.
 */
function hostsFor(mode: TokenMode, hosts: HostSpec[], modes: TokenMode[]): HostSpec[] {
  if (mode !== "apikey" || !modes.includes(KEY_MODE_JWT)) return hosts;
  return hosts.filter((host) => host.name !== "baseline");
}

/** The load users calling with a personal API key each; the growth users call with JWTs. */
async function seedApiKeys(url: string, users: Fixtures["users"]): Promise<Caller[]> {
  const started = performance.now();
  const keys = await createApiKeys(url, users);
  log(
    `database: ${keys.size} API keys created in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return users.map((user) => {
    const token = keys.get(user.id);
    if (!token) throw new Error(`no API key was created for ${user.id}`);
    return { token, todoIds: user.todoIds };
  });
}

/** Every scenario in turn, measured under load. */
async function load(
  host: RunningHost,
  mode: TokenMode,
  scenarios: readonly Scenario[],
  callers: Caller[],
  options: BenchOptions,
  result: RunResult,
  cleanup: Cleanup,
) {
  for (const scenario of scenarios) {
    cleanup.check();
    const measured = await measure(host.url, host.pid, scenario, callers, options);
    cleanup.check(); // a run cut short by Ctrl-C is not a measurement
    result.load.push({ mode, host: host.name, scenario, ...measured });
    log(
      `${mode} ${host.name} ${scenario}: ${measured.reqPerSec.toFixed(0)} req/s, p50 ${measured.p50Ms} ms, p99 ${measured.p99Ms} ms, ${measured.errors} errors`,
    );
  }
}

interface GrowthPlan {
  smoke: boolean;
  sizes: { large: number; small: number; depth: number };
  sampling: SampleOptions;
  refs: GrowthRefs;
  tokens?: GrowthCallers;
  /** Walked once, on the first host that gets there; the same bytes on every host. */
  cursor?: string;
}

async function measureHostGrowth(
  host: RunningHost,
  label: string,
  plan: GrowthPlan,
  result: RunResult,
) {
  if (!plan.tokens) throw new Error("no growth tokens");
  plan.cursor ??= await deepCursor(host.url, plan.tokens.large, plan.sizes.depth);
  const rows = await measureGrowth(
    host.url,
    plan.tokens,
    plan.refs,
    plan.cursor,
    plan.sizes,
    plan.sampling,
    host.name !== "baseline",
  );
  // Every growth request answered 200, or measureGrowth threw.
  if (plan.smoke) {
    result.passed += rows.length;
    log(`ok   ${label} growth: ${rows.map((row) => row.measure).join("; ")}: 200`);
    return;
  }
  for (const row of rows) {
    result.growth.push({ host: host.name, ...row });
    log(
      `${label} growth, ${row.measure}: ${row.grownLabel} ${row.ratio.toFixed(2)}× ${row.baseLabel}`,
    );
  }
}
