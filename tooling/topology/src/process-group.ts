// A child process in a process group of its own, so that stopping it stops whatever it started
// too; and a last-resort SIGKILL of every group still alive when this process exits.
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export type LogLine = Record<string, unknown>;

export interface GroupProcess {
  child: ChildProcess;
  /** Resolves with the exit code (null when ended by a signal) once its output is read. */
  exited: Promise<number | null>;
  /** Sends `signal` to the whole group; false when it had already exited. */
  signal(signal: NodeJS.Signals): boolean;
}

const alive = new Set<number>();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A test runner that ends without calling close() (a crash, a timeout) must not leave
  // servers behind on the machine.
  process.once("exit", () => {
    for (const pid of alive) killGroup(pid, "SIGKILL");
  });
}

function killGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

export interface SpawnOptions {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** Each stdout line that is a JSON object. */
  onLogLine?(line: LogLine): void;
  /** Every other line of stdout, and stderr as it comes. */
  onOutput?(text: string): void;
}

/** Starts `command` as the leader of a new process group. */
export function spawnGroup(options: SpawnOptions): GroupProcess {
  installExitHook();
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { pid } = child;
  if (pid !== undefined) alive.add(pid);
  createInterface({ input: child.stdout }).on("line", (text) => {
    if (text.startsWith("{")) {
      try {
        options.onLogLine?.(JSON.parse(text) as LogLine);
        return;
      } catch {
        // not JSON after all: kept as output
      }
    }
    options.onOutput?.(`${text}\n`);
  });
  child.stderr.on("data", (chunk) => options.onOutput?.(String(chunk)));
  // "close", not "exit": by then stdout has been read to its last line.
  const exited = new Promise<number | null>((resolve) => {
    child.once("error", () => resolve(null));
    child.once("close", (code) => resolve(code));
  });
  void exited.then(() => {
    if (pid !== undefined) alive.delete(pid);
  });
  return {
    child,
    exited,
    signal: (signal) => (pid !== undefined && alive.has(pid) ? killGroup(pid, signal) : false),
  };
}

/**
 * Sends `signal`, waits up to `timeoutMs` for the exit, then SIGKILLs the group. Resolves with
 * the exit code (null when a signal ended it).
 */
export async function stopGroup(
  process: GroupProcess,
  signal: NodeJS.Signals = "SIGTERM",
  timeoutMs = 15_000,
): Promise<number | null> {
  process.signal(signal);
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      process.signal("SIGKILL");
      resolve();
    }, timeoutMs);
  });
  await Promise.race([process.exited, killed]);
  clearTimeout(timer);
  return process.exited;
}
