// End-to-end tests: both apps built for production and started from their standalone folders on
// ports of their own, on a fresh database, driven through Debian's Chromium (see src/run.ts).
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { prepareRun, type Run, repoRoot } from "./src/run";

const run = await prepareRun();

/** What both apps read at start-up (API.md, "Configuration"); everything else is inherited. */
function appEnvironment(run: Run): Record<string, string> {
  const env: Record<string, string> = {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: run.database.url,
    BETTER_AUTH_SECRET: run.authSecret,
    BETTER_AUTH_URL: run.webUrl,
    NEXT_PUBLIC_API_URL: run.apiUrl,
    ALLOWED_ORIGINS: run.webUrl,
    AUTH_JWKS_URL: `${run.webUrl}/api/auth/jwks`,
    AUTH_ISSUER: run.webUrl,
    // A developer's shell must not switch the API to shared-secret tokens.
    AUTH_JWT_SECRET: "",
    // The suite signs up users and creates todos quickly; limits have their own tests.
    RATE_LIMIT_USER: "10000/60",
    RATE_LIMIT_IP: "10000/60",
    // Every test signs up from 127.0.0.1; Better Auth's own limit (3 in 10 s) has its own test.
    AUTH_RATE_LIMIT_SIGN_IN: "1000/10",
    AUTH_RATE_LIMIT_MAIL: "1000/60",
    AUTH_RATE_LIMIT_LINK: "1000/60",
    SMTP_URL: run.mail.smtpUrl,
    AUTH_RATE_LIMIT: "100000/10",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  // CI sets REDIS_URL, so the API's limiter runs on the real Redis there.
  if (process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL;
  return env;
}

function nextStart(app: "web" | "api", origin: string, readyPath: string) {
  // Each app from the standalone folder `pnpm build` assembles, as a deployment runs it: the
  // API's Next app on its production server (dist/next-host.mjs), the web app on its own
  // (dist/web-host.mjs): both write the socket's address for the handlers.
  const dir = path.join(repoRoot, "apps", app, ".next/standalone/apps", app);
  const { hostname, port } = new URL(origin);
  const server = app === "api" ? "dist/next-host.mjs" : "dist/web-host.mjs";
  return {
    name: app,
    command: `"${process.execPath}" ${server}`,
    cwd: dir,
    url: `${origin}${readyPath}`,
    env: { ...appEnvironment(run), PORT: port, HOST: hostname },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
  };
}

export default defineConfig({
  testDir: "tests",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: process.env.CI === "true",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The HTML report (playwright-report/) holds the screenshots and, for failures, traces.
  reporter: [
    ["list"],
    ["html", { open: "never", outputFolder: "playwright-report" }],
    ["./src/summary-reporter.ts"],
  ],
  globalTeardown: "./src/global-teardown.ts",
  use: {
    baseURL: run.webUrl,
    browserName: "chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: run.chromium,
      // Without the background-networking flags Chromium keeps calling Google's services,
      // which on a closed network only fill the logs and slow start-up.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    nextStart("api", run.apiUrl, "/api/health/ready"),
    nextStart("web", run.webUrl, "/api/auth/ok"),
  ],
});
