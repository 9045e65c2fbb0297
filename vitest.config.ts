import path from "node:path";
import { defineConfig } from "vitest/config";

// The integration suites run twice: through the TCP driver and through Neon's serverless
// driver (over a local WebSocket proxy to the same PostgreSQL).
const integration = [
  "packages/*/test/integration/**/*.test.ts",
  "apps/api/test/integration/**/*.test.ts",
];

// The API files that talk to it as a client does (api.call), so they can go over HTTP too.
const overHttp = [
  "apps/api/test/integration/{auth-and-headers,conditional-requests,cors,hostile-inputs}.test.ts",
  "apps/api/test/integration/{idempotency,list-pagination,openapi,ownership}.test.ts",
  "apps/api/test/integration/{request-validation,restore-and-purge,todos-crud,typed-client}.test.ts",
  "apps/api/test/integration/{api-keys,projects-labels-http}.test.ts",
];

export default defineConfig({
  resolve: { alias: { "@/": `${path.resolve("apps/api/src")}/` } },
  test: {
    globalSetup: ["tooling/test/global-setup.ts"],
    reporters: ["default", "./tooling/test/summary-reporter.ts"],
    // Vitest's default is one worker per core but one: on this 2-core machine, one file at a
    // time. The files mostly wait on PostgreSQL, Redis and the servers they start, and each has
    // a database of its own (a copy of the template), so three at once keep the cores busy.
    maxWorkers: 3,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      // The web app's pure modules, with its own `@/` alias.
      "apps/web/vitest.config.ts",
      {
        extends: true,
        test: {
          name: "standalone",
          include: [
            "packages/*/test/**/*.test.ts",
            "tooling/*/test/**/*.test.ts",
            "apps/api/test/unit/**/*.test.ts",
          ],
          // The topology's own project runs its top-level files (they start servers).
          // packages/cli/test/http spawns the CLI against an API host: the http:* projects run it.
          exclude: [
            "**/integration/**",
            "**/node_modules/**",
            "tooling/topology/test/*.test.ts",
            "packages/cli/test/http/**",
          ],
        },
      },
      {
        extends: true,
        test: {
          name: "integration:pg",
          // The bench's check that its baseline sends the API's SQL: on pools of its own (TCP),
          // so once, here.
          include: [...integration, "tooling/bench/test/integration/**/*.test.ts"],
          env: { TEST_DB_DRIVER: "tcp" },
        },
      },
      {
        extends: true,
        test: {
          name: "integration:neon",
          include: integration,
          // The compiled host picks its driver from its URL (TCP here): the pg project runs it.
          exclude: ["apps/api/test/integration/node-host/**", "**/node_modules/**"],
          env: { TEST_DB_DRIVER: "neon" },
        },
      },
      // Both apps' standalone folders (`pnpm build` first): copied out of the repository and
      // started there, and what they contain.
      {
        extends: true,
        test: {
          name: "production",
          include: ["apps/api/test/production/**/*.test.ts"],
          env: { TEST_DB_DRIVER: "tcp" },
        },
      },
      // Several instances of both apps behind haproxy (`pnpm build` first; haproxy is found, or
      // installed as root on Debian, by the project's setup): state shared across instances,
      // client addresses through the proxy, a rolling restart.
      {
        extends: true,
        test: {
          name: "topology",
          include: ["tooling/topology/test/*.test.ts"],
          globalSetup: ["tooling/topology/test/ensure-haproxy.setup.ts"],
          env: { TEST_DB_DRIVER: "tcp" },
        },
      },
      // The API's suite again, over real HTTP to the production builds of both hosts (`pnpm
      // build` first): the Next app on dist/next-host.mjs, and the Node host (dist/node-host.mjs).
      ...(["next", "node"] as const).map((host) => ({
        extends: true as const,
        test: {
          name: `http:${host}`,
          // The CLI's tests too: it is a client over HTTP, against both hosts.
          include: [
            ...overHttp,
            "apps/api/test/http/*.test.ts",
            "packages/cli/test/http/*.test.ts",
          ],
          env: { TEST_DB_DRIVER: "tcp", TEST_API_HOST: host },
        },
      })),
    ],
    coverage: {
      provider: "v8",
      include: [
        "packages/auth/src/**",
        "packages/client-address/src/**",
        "packages/db/src/**",
        "packages/logger/src/**",
        "apps/api/src/**",
        "apps/api/app/**",
      ],
      exclude: ["**/bin/**"],
      // The table goes to coverage/coverage.txt; the console gets the per-package summary
      // of tooling/test/summary-reporter.ts.
      reporter: [["text", { file: "coverage.txt" }], "json-summary", "html"],
      thresholds: {
        "packages/auth/src/**": { lines: 80 },
        "packages/client-address/src/**": { lines: 80 },
        "packages/db/src/**": { lines: 80 },
        "packages/logger/src/**": { lines: 80 },
        "apps/api/src/**": { lines: 80 },
      },
    },
  },
});
