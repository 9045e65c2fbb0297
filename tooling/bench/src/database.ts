import { runMigrations } from "@repo/db/migrate";
import { createDatabaseNamed, databaseUrl, dropDatabase } from "@repo/db/testing";

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The PostgreSQL server to create the bench database on, or an error naming the variables. */
export function serverUrlFrom(env: Record<string, string | undefined>): string {
  const url = env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      "Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server the bench may create a database on, e.g. postgres://postgres@127.0.0.1:5432/postgres",
    );
  return url;
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
