// One server of the topology: a standalone build on a fixed port, which can be stopped and
// started again there (a restart, a crash), keeping its log across runs.
import { setTimeout as delay } from "node:timers/promises";
import type { Entry } from "./entries";
import { type GroupProcess, type LogLine, spawnGroup, stopGroup } from "./process-group";

export type { LogLine };

export interface Instance {
  /** `api-1`, `web-2`: also its server name in haproxy. */
  name: string;
  app: "api" | "web";
  /** What it runs: the API's `next` or `node` host, or the web app. */
  kind: "next" | "node" | "web";
  port: number;
  /** http://127.0.0.1:<port>: the instance itself, bypassing the proxy. */
  url: string;
  /** Every JSON line it wrote to stdout, over all its runs, in order. */
  logs: LogLine[];
  /** Its other output (non-JSON stdout lines, stderr), over all its runs. */
  output(): string;
  /** Whether a process is running now (started and not yet exited). */
  readonly running: boolean;
  /** Resolves with the first log line (past or future) that `matches`; rejects after `timeoutMs`. */
  waitForLog(matches: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /**
   * Sends `signal` to its process group and resolves with the exit code (null when ended by a
   * signal). SIGKILLs it if it has not exited after `timeoutMs` (default 20 s).
   */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
  /** Starts it again on the same port with the same environment; resolves once it is ready. */
  start(): Promise<void>;
}

export interface InstanceSpec {
  name: string;
  app: "api" | "web";
  kind: "next" | "node" | "web";
  port: number;
  entry: Entry;
  env: Record<string, string>;
  /** A GET on the instance that answers 200 once it can serve. */
  readyPath: string;
  readyTimeoutMs: number;
}

async function waitUntilReady(spec: InstanceSpec, run: GroupProcess, output: () => string) {
  const url = `http://127.0.0.1:${spec.port}${spec.readyPath}`;
  const deadline = Date.now() + spec.readyTimeoutMs;
  let exited = false;
  void run.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${spec.name} exited while starting:\n${output()}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ok) return;
    await delay(100);
  }
  throw new Error(
    `${spec.name}: ${url} did not answer 200 in ${spec.readyTimeoutMs} ms:\n${output()}`,
  );
}

/** The instance, not yet started: call start(). */
export function createInstance(spec: InstanceSpec): Instance {
  const logs: LogLine[] = [];
  const waiters = new Set<{ matches: (line: LogLine) => boolean; resolve(line: LogLine): void }>();
  let output = "";
  let current: GroupProcess | undefined;

  const instance: Instance = {
    name: spec.name,
    app: spec.app,
    kind: spec.kind,
    port: spec.port,
    url: `http://127.0.0.1:${spec.port}`,
    logs,
    output: () => output,
    get running() {
      return current !== undefined;
    },
    waitForLog(matches, timeoutMs = 20_000) {
      const seen = logs.find(matches);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = {
          matches,
          resolve: (line: LogLine) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`${spec.name}: no matching log line in ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    async stop(signal = "SIGTERM", timeoutMs = 20_000) {
      const run = current;
      if (!run) return null;
      const code = await stopGroup(run, signal, timeoutMs);
      return code;
    },
    async start() {
      if (current) throw new Error(`${spec.name} is already running`);
      const run = spawnGroup({
        command: process.execPath,
        args: [spec.entry.script],
        cwd: spec.entry.cwd,
        env: spec.env,
        onLogLine(line) {
          logs.push(line);
          for (const waiter of waiters)
            if (waiter.matches(line)) {
              waiters.delete(waiter);
              waiter.resolve(line);
            }
        },
        onOutput(text) {
          output += text;
        },
      });
      current = run;
      void run.exited.then((code) => {
        output += `[topology] ${spec.name} exited (${code})\n`;
        if (current === run) current = undefined;
      });
      await waitUntilReady(spec, run, () => output);
    },
  };
  return instance;
}
