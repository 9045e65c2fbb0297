import { runMigrations } from "@repo/db/migrate";
import {
  createDatabaseNamed,
  databaseUrl,
  dropDatabase,
  startTestServer,
  type TestServer,
} from "@repo/db/testing";

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

const EMBEDDED_BENCH_PORT = 54332;

/**
 * The PostgreSQL server to create the bench database on: BENCH_DATABASE_URL, else
 * TEST_DATABASE_URL, else (outside CI) an embedded server of the bench's own, as the tests do,
 * so `pnpm test` needs no database on a fresh machine. With CI=true a URL is required.
 */
export function startBenchServer(env: Record<string, string | undefined>): Promise<TestServer> {
  return startTestServer({
    url: env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || undefined,
    ci: env.CI === "true",
    dataDir: ".data/bench-postgres",
    port: EMBEDDED_BENCH_PORT,
  });
}

/**
 * A fresh database `bench_<pid>` on the server, with the checked-in migrations applied: the
 * hosts run on exactly the schema and indexes production has. Never an existing database.
 */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `bench_${process.pid}`;
  await dropDatabase(serverUrl, name);
  await createDatabaseNamed(serverUrl, name);
  const url = databaseUrl(serverUrl, name);
  const drop = () => dropDatabase(serverUrl, name);
  try {
    await runMigrations({ url, driver: "tcp" });
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, drop };
}
