import path from "node:path";
import { defineConfig } from "vitest/config";

// The web app's unit tests: pure modules only (no browser, no server).
export default defineConfig({
  resolve: { alias: { "@/": `${path.resolve(import.meta.dirname, "src")}/` } },
  test: { name: "web", include: ["test/**/*.test.ts"] },
});
