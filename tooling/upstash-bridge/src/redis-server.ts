import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { freePort } from "@repo/node-server/free-port";

export interface RedisServer {
  url: string;
  port: number;
  /** Kills the server at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: nothing is persisted). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A throwaway `redis-server` (it must be on PATH) on a free port of 127.0.0.1, persisting
 * nothing: for tests that need a Redis of their own, or one they can stop.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child = await spawnRedis(port);
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill(signal);
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: () => stopWith("SIGKILL"),
    async restart() {
      await stopWith("SIGKILL");
      child = await spawnRedis(port);
    },
    stop: () => stopWith("SIGTERM"),
  };
}

async function spawnRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error("redis-server did not start in 5 s")), 5_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${error.message}\n${output}`));
    };
    child.once("error", fail); // e.g. ENOENT: redis-server is not installed
    child.once("exit", (code) => fail(new Error(`redis-server exited with ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk;
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        child.stdout?.removeAllListeners("data").resume();
        resolve();
      }
    });
  });
  // Never outlive the test process, even when it ends without stopping the server.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.off("exit", killOnExit));
  return child;
}
