import path from "node:path";
import type { NextConfig } from "next";

const config: NextConfig = {
  transpilePackages: [
    "@repo/auth",
    "@repo/client-address",
    "@repo/contracts",
    "@repo/db",
    "@repo/logger",
    "@repo/redis-scripts",
    "@repo/telemetry",
  ],
  // A folder that runs without the repository, on dist/next-host.mjs (`pnpm build` adds it:
  // see tooling/standalone); traced from the monorepo root so pnpm's store ends up in it.
  output: "standalone",
  outputFileTracingRoot: path.join(import.meta.dirname, "../.."),
  // Drivers with optional native parts or dynamic requires stay plain Node modules.
  serverExternalPackages: [
    "pg",
    "@neondatabase/serverless",
    "pino",
    "swagger-ui-dist",
    "ioredis",
    // One copy of the OpenTelemetry API and SDK, loaded by Node as the Node host loads them,
    // and shared with Next's own tracer (which requires @opentelemetry/api when installed).
    "@opentelemetry/api",
    "@opentelemetry/context-async-hooks",
    "@opentelemetry/core",
    "@opentelemetry/exporter-metrics-otlp-http",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/resources",
    "@opentelemetry/sdk-metrics",
    "@opentelemetry/sdk-trace",
  ],
  poweredByHeader: false,
};

export default config;
