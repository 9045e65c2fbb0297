import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as delay } from "node:timers/promises";

const API_DIR = path.resolve(import.meta.dirname, "../../../apps/api");
export const NODE_HOST = path.join(API_DIR, "dist/node-host.mjs");

export type LogLine = Record<string, unknown> & { level?: string; msg?: string };

export interface ApiHost {
  url: string;
  pid: number;
  /** Every JSON line the host wrote so far. */
  logs: LogLine[];
  /** True while the process runs (a scenario proves the API was never restarted). */
  alive(): boolean;
  /** How it ended, and the end of what it wrote that was not a JSON log line. */
  exitReport(): string;
  /** SIGTERM to its process group, SIGKILL after 5 s. Safe to call twice. */
  stop(): Promise<void>;
}

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is gone
  }
}

const liveGroups = new Set<number>();
process.on("exit", () => {
  for (const pid of liveGroups) signalGroup(pid, "SIGKILL");
});

/**
 * The API's Node host (`apps/api/dist/node-host.mjs`, as production runs it) on a free port of
 * 127.0.0.1 with exactly `env`, in a process group of its own. Resolves once it listens.
 * It is never built here: a missing build is an error that says how to make it.
 */
export async function startApiHost(env: Record<string, string>): Promise<ApiHost> {
  if (!existsSync(NODE_HOST))
    throw new Error(
      `${path.relative(process.cwd(), NODE_HOST)} does not exist: run \`pnpm --filter @repo/api build:node\` (or \`pnpm build\`) first`,
    );
  const child: ChildProcess = spawn(process.execPath, [NODE_HOST], {
    cwd: API_DIR,
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH ?? "",
      HOST: "127.0.0.1",
      PORT: "0",
      SHUTDOWN_GRACE_MS: "2000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("the API host did not start");
  liveGroups.add(pid);
  const logs: LogLine[] = [];
  let stderr = "";
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (text) => {
    if (!text.startsWith("{")) stderr += `${text}\n`;
    else logs.push(JSON.parse(text) as LogLine);
  });
  // The beginning says why it died; the rest is usually a stack trace.
  child.stderr?.on("data", (chunk: Buffer) => {
    if (stderr.length < 8_000) stderr += chunk.toString("utf8");
  });
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      signalGroup(pid, "SIGTERM");
      const inTime = await Promise.race([exited.then(() => true), delay(5_000, false)]);
      if (!inTime || signalGroup(pid, 0)) signalGroup(pid, "SIGKILL");
      await exited;
      liveGroups.delete(pid);
    })();
    return stopping;
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    const listening = logs.find((line) => line.msg === "listening");
    if (listening) {
      const { port } = listening.address as { port: number };
      // The line naming the error that killed it (Node prints the stack's first line so).
      const exitReport = () => {
        const cause = stderr.split("\n").find((line) => /^\w*(Error|error)\b.*: /.test(line));
        return `exited ${child.exitCode ?? child.signalCode}: ${cause ?? (stderr.trim().slice(0, 300) || "no stderr")}`;
      };
      return { url: `http://127.0.0.1:${port}`, pid, logs, alive, exitReport, stop };
    }
    if (!alive() || Date.now() > deadline) {
      await stop();
      throw new Error(`the API host did not start listening: ${stderr.trim().slice(0, 2000)}`);
    }
    await delay(50);
  }
}
