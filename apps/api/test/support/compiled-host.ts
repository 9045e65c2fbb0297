import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

const API_DIR = path.resolve(import.meta.dirname, "../..");
const BUNDLE = path.join(API_DIR, "dist/node-host.mjs");

/**
 * A compiled host, as production runs it: `pnpm build` leaves dist/node-host.mjs and
 * dist/next-host.mjs, and a run without them builds them here once (a failed build throws, so
 * the tests fail rather than skip).
 */
export function ensureBuilt(host: "node-host" | "next-host" = "node-host"): string {
  const bundle = path.join(API_DIR, `dist/${host}.mjs`);
  if (!existsSync(bundle))
    execFileSync(process.execPath, ["--import", "tsx", "scripts/build-node-host.ts"], {
      cwd: API_DIR,
      stdio: "pipe",
    });
  return bundle;
}

export type LogLine = Record<string, unknown>;

export interface HostProcess {
  child: ChildProcess;
  /** Every JSON line the host wrote to stdout so far. */
  logs: LogLine[];
  stderr(): string;
  /** Resolves with the first line (past or future) that `matches`. */
  waitForLog(matches: (line: LogLine) => boolean): Promise<LogLine>;
  exited: Promise<number | null>;
}

/** Another server than the Node host: a script, and the folder it runs in. */
export interface HostScript {
  script: string;
  cwd: string;
}

/**
 * Runs the compiled host (or `script`) with exactly `env` (plus PATH). Lines that are not JSON
 * (Next's own, on the Next host) go to `stderr()`'s text as well.
 */
export function spawnHost(
  env: Record<string, string>,
  { script, cwd }: HostScript = { script: BUNDLE, cwd: API_DIR },
): HostProcess {
  const child = spawn(process.execPath, [script], {
    cwd,
    env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: LogLine[] = [];
  const waiters: { matches: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  let stderr = "";
  createInterface({ input: child.stdout }).on("line", (text) => {
    if (!text.startsWith("{")) {
      stderr += `${text}\n`;
      return;
    }
    const line = JSON.parse(text) as LogLine;
    logs.push(line);
    for (const waiter of waiters.filter((w) => w.matches(line))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  child.stderr.on("data", (chunk) => {
    stderr += String(chunk);
  });
  // "close", not "exit": by then stdout has been read to its last line.
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  return {
    child,
    logs,
    stderr: () => stderr,
    waitForLog: (matches) =>
      new Promise((resolve, reject) => {
        const seen = logs.find(matches);
        if (seen) return resolve(seen);
        waiters.push({ matches, resolve });
        void exited.then((code) => reject(new Error(`host exited (${code}): ${stderr}`)));
      }),
    exited,
  };
}

/** Starts the host on a free port and resolves once it listens. */
export async function startHost(env: Record<string, string>, script?: HostScript) {
  const host = spawnHost({ PORT: "0", HOST: "127.0.0.1", ...env }, script);
  const listening = await host.waitForLog((line) => line.msg === "listening");
  const { port } = listening.address as { port: number };
  return { ...host, port, url: `http://127.0.0.1:${port}` };
}
