import { defineConfig } from "vitest/config";

// `pnpm --filter @repo/upstash-bridge test`. Needs redis-server on PATH (each file starts its own).
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 20_000 },
});
