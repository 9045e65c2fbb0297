import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../../src/client";
import { MIGRATION_LOCK, MIGRATIONS_FOLDER, runMigrations } from "../../src/migrate";
import { createDatabaseNamed, databaseUrl, dropDatabase } from "../../src/testing";
import { testDriver, testDriverOptions } from "../../src/testing/vitest";

const MIGRATIONS = (
  JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
    entries: unknown[];
  }
).entries.length;
const BIN = path.resolve(import.meta.dirname, "../../src/bin/migrate.ts");

/** `pnpm db:migrate` as a release step runs it: a process of its own; resolves its exit code. */
function migrateProcess(url: string): Promise<number | null> {
  const child = spawn(process.execPath, ["--import", "tsx", BIN], {
    env: { ...process.env, DATABASE_URL: url, DATABASE_URL_UNPOOLED: "" },
    stdio: "ignore",
  });
  return new Promise((resolve) => child.once("close", resolve));
}

describe(`five migrators at once (${testDriver()} driver)`, () => {
  const adminUrl = () => inject("testDatabase").adminUrl;
  const name = `migrate_${process.pid}_${testDriver()}`;
  const url = () => databaseUrl(adminUrl(), name);

  async function appliedMigrations(): Promise<number> {
    const { db, close } = createDatabase({ url: url(), ...testDriverOptions() });
    try {
      const result = await db.execute<{ n: string }>(
        sql`select count(*)::text as n from drizzle.__drizzle_migrations`,
      );
      return Number(result.rows[0]?.n);
    } finally {
      await close();
    }
  }

  beforeAll(async () => {
    await dropDatabase(adminUrl(), name);
    await createDatabaseNamed(adminUrl(), name);
  });
  afterAll(async () => {
    await dropDatabase(adminUrl(), name);
  });

  it("on an empty database apply each migration once, and every run succeeds", async () => {
    const runs = Array.from({ length: 5 }, () =>
      runMigrations({ url: url(), ...testDriverOptions() }),
    );
    await expect(Promise.all(runs)).resolves.toHaveLength(5);
    expect(await appliedMigrations()).toBe(MIGRATIONS);
  });

  // Five tsx processes compiling TypeScript at once: on two busy cores that takes more than the
  // default 20 s, and with other test files running beside it (and a load average of 11) it
  // once took over a minute, so this case gets three.
  it("on a migrated database find nothing to do, as five processes that all exit 0", {
    timeout: 180_000,
  }, async () => {
    const codes = await Promise.all(Array.from({ length: 5 }, () => migrateProcess(url())));
    expect(codes).toEqual([0, 0, 0, 0, 0]);
    expect(await appliedMigrations()).toBe(MIGRATIONS);
  });

  it("wait while another migrator holds the lock, then go on", async () => {
    const holder = createDatabase({ url: url(), max: 1, ...testDriverOptions() });
    try {
      await holder.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
      let finished = false;
      const run = runMigrations({ url: url(), ...testDriverOptions() }).then(() => {
        finished = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(finished).toBe(false);
      await holder.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
      await run;
      expect(finished).toBe(true);
    } finally {
      await holder.close();
    }
  });
});
