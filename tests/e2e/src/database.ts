// The database one end-to-end run uses: a fresh `e2e_<time>_<pid>` database with the checked-in
// migrations, on the PostgreSQL named by TEST_DATABASE_URL, or on an embedded server of its own.
import path from "node:path";
import { runMigrations } from "@repo/db/migrate";
import {
  createDatabaseNamed,
  databaseUrl,
  dropDatabase,
  startTestServer,
  type TestServer,
  withClient,
} from "@repo/db/testing";
import pg from "pg";

const EMBEDDED_E2E_PORT = 54331;
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export interface RunDatabase {
  /** The run's own database; the apps get it as DATABASE_URL. */
  url: string;
  /** The maintenance connection it was created through (dropping it needs one). */
  adminUrl: string;
  name: string;
}

/** End-to-end tests sign users up and delete data: never against anything but this machine. */
export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host))
    throw new Error(
      `Refusing to run the end-to-end tests against the database on "${host}": ` +
        "TEST_DATABASE_URL must point at 127.0.0.1, localhost or ::1.",
    );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Databases left by runs that were killed before their teardown (their process is gone). */
async function dropAbandoned(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(
    "select datname from pg_database where datname ~ '^e2e_[0-9]+_[0-9]+$'",
  );
  for (const { datname } of rows) {
    const pid = Number(datname.split("_")[2]);
    if (!isAlive(pid))
      await client.query(`drop database if exists ${pg.escapeIdentifier(datname)} with (force)`);
  }
}

/** Starts the embedded server when needed, and creates and migrates the run's database. */
export async function createRunDatabase(
  repoRoot: string,
): Promise<{ database: RunDatabase; server: TestServer }> {
  const url = process.env.TEST_DATABASE_URL || undefined;
  if (url) assertLocal(url);
  const server = await startTestServer({
    url,
    ci: process.env.CI === "true",
    dataDir: path.join(repoRoot, ".data/e2e-postgres"),
    port: EMBEDDED_E2E_PORT,
  });
  const { adminUrl } = server;
  const name = `e2e_${Date.now()}_${process.pid}`;
  await withClient(adminUrl, dropAbandoned);
  await createDatabaseNamed(adminUrl, name);
  const runUrl = databaseUrl(adminUrl, name);
  await runMigrations({ url: runUrl, driver: "tcp" });
  return { database: { url: runUrl, adminUrl, name }, server };
}

export async function dropRunDatabase(database: RunDatabase): Promise<void> {
  await dropDatabase(database.adminUrl, database.name);
}
