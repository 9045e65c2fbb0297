import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { buildCli } from "../../scripts/build";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface SpawnedCli {
  child: ReturnType<typeof spawn>;
  /** Resolves once stdout holds `text`. */
  waitForStdout(text: string): Promise<void>;
  done: Promise<CliRun>;
}

/**
 * The built CLI, run as a user runs it: `node todo.mjs …`, bundled into a folder of its own
 * outside the workspace (so nothing resolves workspace TypeScript at run time), with exactly
 * `env` plus PATH and TZ=UTC. No run may print the token it was given.
 */
export function useBuiltCli() {
  let dir: string;
  let bundle: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "todo-cli-"));
    bundle = await buildCli(path.join(dir, "todo.mjs"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  function start(args: string[], env: Record<string, string> = {}): SpawnedCli {
    const child = spawn(process.execPath, [bundle, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", TZ: "UTC", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const waiters: { text: string; resolve: () => void }[] = [];
    child.stdout.on("data", (chunk) => {
      stdout += String(chunk);
      for (const waiter of waiters.filter((w) => stdout.includes(w.text))) waiter.resolve();
    });
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    const done = new Promise<CliRun>((resolve) =>
      child.once("close", (code) => resolve({ code, stdout, stderr })),
    ).then((run) => {
      for (const secret of [env.TODO_TOKEN].filter(Boolean))
        expect(`${run.stdout}${run.stderr}`).not.toContain(secret);
      return run;
    });
    return {
      child,
      done,
      waitForStdout: (text) =>
        new Promise((resolve) => {
          if (stdout.includes(text)) resolve();
          else waiters.push({ text, resolve });
        }),
    };
  }

  return {
    start,
    run: (args: string[], env: Record<string, string> = {}) => start(args, env).done,
    bundle: () => bundle,
  };
}
