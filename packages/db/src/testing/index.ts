import { randomBytes } from "node:crypto";
import {
  createDatabase,
  type DatabaseClient,
  type Driver,
  type NeonSocketOptions,
} from "../client";
import { runMigrations } from "../migrate";
import { createDatabaseNamed, databaseUrl, dropDatabase } from "./admin";

export { createDatabaseNamed, databaseUrl, dropDatabase, withClient } from "./admin";
export { startTestServer, type TestServer } from "./server";
export { startWsProxy, type WsProxy } from "./ws-proxy";

/**
 * Creates a database holding the checked-in migrations, to copy test databases from.
 * Dropped and rebuilt each run, so a changed migration is always what the tests see.
 */
export async function createTemplateDatabase(adminUrl: string, name: string): Promise<void> {
  await dropDatabase(adminUrl, name);
  await createDatabaseNamed(adminUrl, name);
  await runMigrations({ url: databaseUrl(adminUrl, name), driver: "tcp" });
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
  await createDatabaseNamed(options.adminUrl, name, options.template);
  const url = databaseUrl(options.adminUrl, name);
  const client = createDatabase({ url, driver: options.driver, neon: options.neon, max: 20 });
  return {
    ...client,
    url,
    dispose: async () => {
      await client.close();
      await dropDatabase(options.adminUrl, name);
    },
  };
}
