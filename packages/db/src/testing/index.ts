import { randomBytes } from "node:crypto";
import pg from "pg";
import {
  createDatabase,
  type DatabaseClient,
  type Driver,
  type NeonSocketOptions,
} from "../client";
import { runMigrations } from "../migrate";

export { startWsProxy, type WsProxy } from "./ws-proxy";

function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

async function admin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a database holding the checked-in migrations, to copy test databases from.
 * Dropped and rebuilt each run, so a changed migration is always what the tests see.
 */
export async function createTemplateDatabase(adminUrl: string, name: string): Promise<void> {
  const id = pg.escapeIdentifier(name);
  await admin(adminUrl, async (c) => {
    await c.query(`drop database if exists ${id} with (force)`);
    await c.query(`create database ${id}`);
  });
  await runMigrations({ url: withDatabase(adminUrl, name), driver: "tcp" });
}

export interface TestDatabase extends DatabaseClient {
  url: string;
  /** Closes the pool and drops the database. */
  dispose(): Promise<void>;
}

/** A fresh database for one test file, copied from the template, reached through `driver`. */
export async function createTestDatabase(options: {
  adminUrl: string;
  template: string;
  driver: Driver;
  neon?: NeonSocketOptions;
}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString("hex")}`;
  await admin(options.adminUrl, (c) =>
    c.query(
      `create database ${pg.escapeIdentifier(name)} template ${pg.escapeIdentifier(options.template)}`,
    ),
  );
  const url = withDatabase(options.adminUrl, name);
  const client = createDatabase({ url, driver: options.driver, neon: options.neon, max: 20 });
  return {
    ...client,
    url,
    dispose: async () => {
      await client.close();
      await admin(options.adminUrl, (c) =>
        c.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`),
      );
    },
  };
}
