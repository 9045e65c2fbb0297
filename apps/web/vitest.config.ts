import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

// The web app's unit tests: pure modules, and the server modules that only compute (no browser,
// no server, no database).
export default defineConfig({
  resolve: {
    alias: {
      "@/": `${path.resolve(import.meta.dirname, "src")}/`,
      // Next resolves `server-only` itself (to this empty module on the server); outside Next it
      // is no package at all, so server modules could not be imported by the tests.
      "server-only": require.resolve("next/dist/compiled/server-only/empty.js"),
    },
  },
  test: { name: "web", include: ["test/**/*.test.ts"] },
});
