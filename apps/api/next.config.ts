import path from "node:path";
import type { NextConfig } from "next";

const config: NextConfig = {
  transpilePackages: ["@repo/auth", "@repo/contracts", "@repo/db", "@repo/redis-scripts"],
  // A folder that runs without the repository, on dist/next-host.mjs (`pnpm build` adds it:
  // see tooling/standalone); traced from the monorepo root so pnpm's store ends up in it.
  output: "standalone",
  outputFileTracingRoot: path.join(import.meta.dirname, "../.."),
  // Drivers with optional native parts or dynamic requires stay plain Node modules.
  serverExternalPackages: [
    "pg",
    "ws",
    "@neondatabase/serverless",
    "pino",
    "swagger-ui-dist",
    "ioredis",
  ],
  poweredByHeader: false,
};

export default config;
