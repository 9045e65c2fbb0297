// The `todo` CLI as a user runs it: the bundle `pnpm build` makes (packages/cli/dist/todo.mjs),
// spawned with plain node, with a config directory of the test's own and nothing else of the
// runner's environment but PATH (no TODO_TOKEN or TODO_API_URL from a developer's shell).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./run";

export const CLI_BUNDLE = path.join(repoRoot, "packages/cli/dist/todo.mjs");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface SpawnedCli {
  /** Resolves with the first match of `pattern` in stdout, once it has been printed. */
  waitForStdout(pattern: RegExp): Promise<RegExpMatchArray>;
  done: Promise<CliRun>;
}

/** The CLIs this worker started that have not exited yet. */
const running = new Set<ReturnType<typeof spawn>>();

/**
 * Ends every CLI still running (a test's afterEach): a test that fails before `todo login` is
 * approved would otherwise leave it polling for the code's 10 minutes.
 */
export function stopRunningClis(): void {
  for (const child of running) child.kill();
  running.clear();
}

export function startCli(args: string[], env: { TODO_CONFIG_DIR: string }): SpawnedCli {
  if (!existsSync(CLI_BUNDLE))
    throw new Error(`${CLI_BUNDLE} is missing: run \`pnpm build\` at the repository root first.`);
  const child = spawn(process.execPath, [CLI_BUNDLE, ...args], {
    env: { PATH: process.env.PATH ?? "", TZ: "UTC", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let stdout = "";
  let stderr = "";
  const waiters: { pattern: RegExp; resolve: (match: RegExpMatchArray) => void }[] = [];
  child.stdout.on("data", (chunk) => {
    stdout += String(chunk);
    for (const waiter of [...waiters]) {
      const match = stdout.match(waiter.pattern);
      if (!match) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(match);
    }
  });
  child.stderr.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const done = new Promise<CliRun>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
  return {
    done,
    waitForStdout: (pattern) =>
      new Promise((resolve, reject) => {
        const match = stdout.match(pattern);
        if (match) return resolve(match);
        waiters.push({ pattern, resolve });
        // Exited without printing it: fail with what it did print.
        void done.then((run) =>
          reject(
            new Error(
              `todo exited ${run.code} before printing ${pattern}:\n${run.stdout}${run.stderr}`,
            ),
          ),
        );
      }),
  };
}

/** `todo <args>` to the end. */
export const runCli = (args: string[], env: { TODO_CONFIG_DIR: string }) =>
  startCli(args, env).done;
