import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { freePort } from "@repo/node-server/free-port";
import { ensureBuilt } from "./compiled-host";

/** Which production host the integration suite goes through over HTTP, if any (per vitest project). */
export type HostKind = "node" | "next";
export const testApiHost = (): HostKind | undefined => {
  const kind = process.env.TEST_API_HOST;
  return kind === "node" || kind === "next" ? kind : undefined;
};

export interface ApiHost {
  url: string;
  /** The JSON lines the host logged, as strings (the in-process logger's shape). */
  logs: string[];
  close(): Promise<void>;
}

const API_DIR = path.resolve(import.meta.dirname, "../..");

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("close", () => resolve());
    child.kill("SIGTERM");
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the host exited (${child.exitCode}): ${output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the host did not become healthy in 60 s: ${output()}`);
}

/** A production host of the API on a free port, with exactly this configuration. */
export async function startApiHost(kind: HostKind, env: Record<string, string>): Promise<ApiHost> {
  const port = await freePort();
  // Both compiled hosts: the Next app on its production server, and the Node host.
  const bundle = ensureBuilt(kind === "next" ? "next-host" : "node-host");
  if (kind === "next" && !existsSync(path.join(API_DIR, ".next/BUILD_ID")))
    throw new Error("apps/api has no production build: run `pnpm build` first");
  const command = [bundle];
  const child = spawn(process.execPath, command, {
    cwd: API_DIR,
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
      HOST: "127.0.0.1",
      PORT: String(port),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  let output = "";
  createInterface({ input: child.stdout }).on("line", (line) => {
    if (line.startsWith("{")) logs.push(line);
    else output += `${line}\n`;
  });
  child.stderr.on("data", (chunk) => {
    output += String(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(url, child, () => output);
  } catch (error) {
    await stop(child);
    throw error;
  }
  return { url, logs, close: () => stop(child) };
}
