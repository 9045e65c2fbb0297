import { readFileSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type EmbeddedServer, startEmbeddedPostgres } from "@repo/db/embedded";
import { runMigrations } from "@repo/db/migrate";
import { freePort } from "@repo/node-server/free-port";

/** The shared PostgreSQL of this machine: a fault scenario must never stop it. */
const SHARED_PORT = 5432;

export interface PrivatePostgres {
  /** URL of the migrated database. */
  url: string;
  port: number;
  dataDir: string;
  /** Stops the server (fast shutdown: sessions are terminated, as in a restart or failover). */
  stop(): Promise<void>;
  /** Starts it again on the same data directory and port: the data is kept. */
  start(): Promise<void>;
  /** Stops it and deletes its files. */
  destroy(): Promise<void>;
}

/** The postmaster's pid, from the first line of its pid file, while it runs. */
async function postmasterPid(dataDir: string): Promise<number | undefined> {
  const text = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => "");
  const pid = Number(text.split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGQUIT");
  } catch {
    // already gone
  }
}

/**
 * A PostgreSQL server of the fault run's own (the embedded binaries), in a fresh temporary data
 * directory on a free port, with the checked-in migrations applied. It can be stopped and started
 * again, which the shared server must never be.
 */
export async function startPrivatePostgres(database = "faults"): Promise<PrivatePostgres> {
  const root = await mkdtemp(path.join(os.tmpdir(), "todo-faults-pg-"));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter this folder.
  await chmod(root, 0o755);
  const dataDir = path.join(root, "data");
  const port = await freePort();
  if (port === SHARED_PORT) throw new Error("refusing to use the shared PostgreSQL's port");

  let server: EmbeddedServer | undefined;
  const start = async () => {
    if (server) return;
    server = await startEmbeddedPostgres({ dataDir, port, database });
  };
  const stop = async () => {
    const running = server;
    server = undefined;
    await running?.stop();
  };
  // If the run dies without stopping it, the postmaster must not outlive it (SIGQUIT: immediate
  // shutdown; only synchronous work is possible in an exit hook).
  const killOnExit = () => {
    try {
      const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      if (pid > 0) killQuietly(pid);
    } catch {
      // no pid file: not running
    }
  };
  process.once("exit", killOnExit);

  try {
    await start();
    // The server's own URL: it carries the password generated on its first start (the fixed
    // `postgres` one is refused since 565a636), which a restart on this data directory keeps.
    const url = server?.url;
    if (!url) throw new Error("the private PostgreSQL did not start");
    await runMigrations({ url, driver: "tcp" });
    return {
      url,
      port,
      dataDir,
      start,
      stop,
      async destroy() {
        await stop();
        // A server that did not stop cleanly keeps its pid file: make sure nothing runs there.
        const pid = await postmasterPid(dataDir);
        if (pid) killQuietly(pid);
        process.off("exit", killOnExit);
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stop().catch(() => {});
    process.off("exit", killOnExit);
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}
