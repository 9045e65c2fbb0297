import { afterEach, describe, expect, it } from "vitest";
import { EXIT } from "../../src/exit-codes";
import { MAX_RETRY_WAIT_SECONDS } from "../../src/http/rate-limit-retry";
import { runMain } from "../support/run-main";
import { type Answer, problem, startStandIn } from "../support/stand-in";

const TOKEN = "todo_standin_secret";
let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

/** `todo whoami` against a real HTTP server that answers `answer` to every request. */
async function whoamiAgainst(answer: Answer) {
  const standIn = await startStandIn(() => answer);
  close = standIn.close;
  const run = await runMain(["whoami", "--api-url", standIn.url], { TODO_TOKEN: TOKEN });
  expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN);
  return { ...run, received: standIn.received };
}

const problemAnswer = (status: number, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { "content-type": "application/problem+json", ...headers },
  json: problem(status, "Nope", { detail: "said the stand-in" }),
});

describe("exit codes for API answers (a real HTTP stand-in)", () => {
  it("403 insufficient_scope: exit 4, naming the scope from WWW-Authenticate", async () => {
    const run = await whoamiAgainst(
      problemAnswer(403, {
        "www-authenticate":
          'Bearer realm="todo-api", error="insufficient_scope", scope="todos:write"',
      }),
    );
    expect(run.code).toBe(EXIT.forbidden);
    expect(run.stderr).toMatch(/lacks the scope todos:write/);
  });

  it("429 twice: waits Retry-After once, retries once, then exit 7", async () => {
    const run = await whoamiAgainst(problemAnswer(429, { "retry-after": "3" }));
    expect(run.code).toBe(EXIT.rateLimited);
    expect(run.slept).toEqual([3000]);
    expect(run.received).toHaveLength(2);
    expect(run.stderr).toMatch(/waiting 3 s/);
  });

  it(`429 asking for more than ${MAX_RETRY_WAIT_SECONDS} s: exit 7 at once, saying so`, async () => {
    const run = await whoamiAgainst(problemAnswer(429, { "retry-after": "600" }));
    expect(run.code).toBe(EXIT.rateLimited);
    expect(run.slept).toEqual([]);
    expect(run.received).toHaveLength(1);
    expect(run.stderr).toMatch(/retry after 600 s \(longer than the 60 s/);
  });

  it.each([
    [401, EXIT.unauthorized],
    [403, EXIT.forbidden],
    [404, EXIT.notFound],
    [409, EXIT.conflict],
    [412, EXIT.preconditionFailed],
    [400, EXIT.invalid],
    [422, EXIT.invalid],
    [500, EXIT.unexpected],
  ])("a %i problem exits %i, with no stack trace", async (status, exitCode) => {
    const run = await whoamiAgainst(problemAnswer(status));
    expect(run.code).toBe(exitCode);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("a 502 that is not a problem document: exit 1", async () => {
    const run = await whoamiAgainst({ status: 502, headers: { "content-type": "text/html" } });
    expect(run.code).toBe(EXIT.unexpected);
  });

  it("nothing listening: exit 9, naming the URL", async () => {
    const standIn = await startStandIn(() => ({ status: 200 }));
    await standIn.close();
    const run = await runMain(["whoami", "--api-url", standIn.url], { TODO_TOKEN: TOKEN });
    expect(run.code).toBe(EXIT.network);
    expect(run.stderr).toContain(`Cannot reach ${standIn.url}: ECONNREFUSED`);
  });
});

describe("usage errors exit 2 before any request", () => {
  // A closed port: a request would be exit 9, not 2.
  const env = { TODO_TOKEN: TOKEN, TODO_API_URL: "http://127.0.0.1:9" };
  it.each([
    [["frobnicate"]],
    [[]],
    [["ls", "--bogus"]],
    [["ls", "--limit", "0"]],
    [["ls", "--sort", "title"]],
    [["ls", "--open", "--completed"]],
    [["add"]],
    [["add", "milk", "--priority", "asap"]],
    [["add", "milk", "--due", "next week"]],
    [["add", "milk", "--due", "2026-02-30"]],
    [["done"]],
    [["done", "a", "b"]],
    [["edit", "0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a11"]],
    [["edit", "x", "--due", "2026-12-01", "--no-due"]],
    [["projects"]],
    [["projects", "frob"]],
    [["labels", "add", "x", "--color", "Red"]],
    [["whoami", "--api-url", "ftp://x"]],
  ])("todo %j", async (argv) => {
    const run = await runMain(argv, env);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).not.toBe("");
  });

  it("--help of every command exits 0 on stdout", async () => {
    for (const argv of [
      ["--help"],
      ["ls", "--help"],
      ["projects", "--help"],
      ["projects", "add", "-h"],
    ]) {
      const run = await runMain(argv, env);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: todo/);
    }
  });
});
