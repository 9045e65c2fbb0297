import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { freePort } from "@repo/node-server/free-port";
import { send } from "./http-client";
import type { HostName } from "./options";

export interface HostSpec {
  name: HostName;
  /** What must exist before the host can start (the harness never builds). */
  artifact: string;
  buildHint: string;
  cwd: string;
  args: (port: number) => string[];
}

/** The three servers, each started with the Node running the harness. */
export function hostSpecs(root: string): Record<HostName, HostSpec> {
  const api = path.join(root, "apps/api");
  return {
    // The Next app on its production server (dist/next-host.mjs: Next's request handler).
    next: {
      name: "next",
      artifact: path.join(api, "dist/next-host.mjs"),
      buildHint: "pnpm --filter @repo/api build",
      cwd: api,
      args: () => [path.join(api, "dist/next-host.mjs")],
    },
    node: {
      name: "node",
      artifact: path.join(api, "dist/node-host.mjs"),
      buildHint: "pnpm --filter @repo/api build:node",
      cwd: api,
      args: () => [path.join(api, "dist/node-host.mjs")],
    },
    baseline: {
      name: "baseline",
      artifact: path.join(root, "tooling/bench/src/baseline/server.mjs"),
      buildHint: "(no build: plain JavaScript)",
      cwd: path.join(root, "tooling/bench"),
      args: () => [path.join(root, "tooling/bench/src/baseline/server.mjs")],
    },
  };
}

/** Why a host cannot start, or undefined when its build is there. */
export function missingBuild(spec: HostSpec, root: string): string | undefined {
  if (existsSync(spec.artifact)) return undefined;
  return `${spec.name}: ${path.relative(root, spec.artifact)} does not exist; build it with \`${spec.buildHint}\` (or \`pnpm build\`)`;
}

export interface RunningHost {
  name: HostName;
  pid: number;
  url: string;
  /** SIGTERM to the host's process group, SIGKILL after 5 s. Safe to call twice. */
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });

// Process groups of hosts still running: killed outright if the harness exits without stopping them.
const liveGroups = new Set<number>();
process.on("exit", () => {
  for (const pid of liveGroups) signalGroup(pid, "SIGKILL");
});

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is gone
  }
}

/**
 * Starts a host in a process group of its own (so a forked worker is stopped with it, and a
 * Ctrl-C reaches the harness, which stops it in order), stdout (its request log) discarded,
 * stderr kept for the error message. Resolves once /api/health/ready answers 200.
 */
export async function startHost(
  spec: HostSpec,
  env: Record<string, string>,
  register: (stop: () => Promise<void>) => void,
): Promise<RunningHost> {
  const port = await freePort();
  const child = spawn(process.execPath, spec.args(port), {
    cwd: spec.cwd,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  // The line that says what went wrong first (a summary keeps only the first line), then the rest.
  const why = () => {
    const lines = stderr.trim().split("\n").slice(0, 15);
    const cause = lines.find((line) => /error|refus|invalid|cannot/i.test(line)) ?? "no stderr";
    return `${cause.trim()}\n${lines.join("\n")}`;
  };
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${spec.name} did not start`);
  liveGroups.add(pid);
  const done = exited(child);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      signalGroup(pid, "SIGTERM");
      const inTime = await Promise.race([done.then(() => true), delay(5_000).then(() => false)]);
      // Whatever of the group outlived the leader, or the leader itself after 5 s.
      if (!inTime || signalGroup(pid, 0)) signalGroup(pid, "SIGKILL");
      await done;
      liveGroups.delete(pid);
    })();
    return stopping;
  };
  register(stop);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `${spec.name} exited (${child.exitCode ?? child.signalCode}) before it was ready: ${why()}`,
      );
    const ready = await send(`${url}/api/health/ready`).catch(() => undefined);
    if (ready?.status === 200) break;
    if (Date.now() > deadline) throw new Error(`${spec.name} was not ready within 60 s: ${why()}`);
    await delay(200);
  }
  return { name: spec.name, pid, url, stop };
}
