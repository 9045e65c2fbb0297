import { parseArgs } from "node:util";

export const HOST_NAMES = ["next", "node", "baseline"] as const;
export type HostName = (typeof HOST_NAMES)[number];
export const TOKEN_MODES = ["eddsa", "hs256", "apikey"] as const;
export type TokenMode = (typeof TOKEN_MODES)[number];
/** The modes in which the bench signs JWTs; `apikey` calls with each user's personal API key. */
export type JwtMode = Exclude<TokenMode, "apikey">;
/**
 * The JWTs of the key mode: the hosts still verify them (they need a JWT configuration to start,
 * and the growth requests send one), and the baseline, which has no key path, is called with them.
 */
export const KEY_MODE_JWT: JwtMode = "eddsa";

export interface BenchOptions {
  smoke: boolean;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Sequential requests per growth measurement (fewer if one takes over `growthSeconds`). */
  growthSamples: number;
  growthSeconds: number;
  hosts: HostName[];
  modes: TokenMode[];
  /** Hosts export traces and metrics over OTLP/HTTP to a sink in the harness. */
  otlp: boolean;
  out: string | undefined;
}

export const USAGE = `Usage: pnpm bench [options]

Benchmarks the API's production builds (the Next app on dist/next-host.mjs, the Node host)
against a bare node:http + pg + jose baseline, on a fresh PostgreSQL database seeded for the run and dropped after it.

  --smoke            a few requests per scenario, asserting every answer is 2xx (for CI)
  --duration S       measured seconds per scenario (default 10)
  --warmup S         unmeasured seconds before each scenario (default 2)
  --connections N    concurrent connections (default 64)
  --growth-samples N sequential requests per growth measurement (default 200)
  --hosts LIST       comma-separated, of ${HOST_NAMES.join(", ")} (default all)
  --modes LIST       credentials, of ${TOKEN_MODES.join(", ")} (default all): JWTs signed with
                     EdDSA (JWKS) or HS256, or each user's personal API key (list and get
                     only; the baseline has no key path: key rows compare with its ${KEY_MODE_JWT} rows)
  --otlp             the API's hosts export OpenTelemetry traces and metrics (OTLP/HTTP) to a
                     sink the bench runs; without it they run with no endpoint, telemetry off.
                     OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG, when set, are passed on
  --out FILE         also write the tables as Markdown to FILE

Environment: BENCH_DATABASE_URL or TEST_DATABASE_URL names the PostgreSQL server (the bench
creates its own database bench_<pid> there; unset and outside CI: an embedded server on
127.0.0.1:54332); REDIS_URL (default redis://127.0.0.1:6379).`;

export class UsageError extends Error {}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${name} must be > 0`);
  return number;
}

function listOf<T extends string>(name: string, value: string | undefined, all: readonly T[]): T[] {
  if (value === undefined) return [...all];
  const items = value.split(",").map((item) => item.trim());
  const unknown = items.filter((item) => !all.includes(item as T));
  if (unknown.length || items.length === 0)
    throw new UsageError(`--${name}: unknown ${unknown.join(", ")} (known: ${all.join(", ")})`);
  return items as T[];
}

/** Parses the command line; `help` when usage was asked for. */
export function parseOptions(argv: string[]): BenchOptions | "help" {
  const { values } = parseArgs({
    // `pnpm bench -- --smoke` passes the `--` through.
    args: argv.filter((arg) => arg !== "--"),
    options: {
      smoke: { type: "boolean", default: false },
      duration: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string" },
      "growth-samples": { type: "string" },
      hosts: { type: "string" },
      modes: { type: "string" },
      otlp: { type: "boolean", default: false },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) return "help";
  return {
    smoke: values.smoke,
    durationSeconds: positive("duration", values.duration, 10),
    warmupSeconds: positive("warmup", values.warmup, 2),
    connections: Math.round(positive("connections", values.connections, 64)),
    growthSamples: Math.round(positive("growth-samples", values["growth-samples"], 200)),
    growthSeconds: 20,
    hosts: listOf("hosts", values.hosts, HOST_NAMES),
    modes: listOf("modes", values.modes, TOKEN_MODES),
    otlp: values.otlp,
    out: values.out,
  };
}
