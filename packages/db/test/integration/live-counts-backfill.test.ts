import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "../../src/client";
import { MIGRATIONS_FOLDER } from "../../src/migrate";
import { createDatabaseNamed, databaseUrl, dropDatabase } from "../../src/testing";
import { testDriver, testDriverOptions } from "../../src/testing/vitest";

/** The migration that adds the project and label counts, and fills them from the rows there. */
const COUNTS_MIGRATION = "0007_live_project_label_counts";

/** A copy of the migrations folder whose journal stops before `tag`. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), "migrations-"));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = path.join(folder, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(at, `${tag} is in the journal`).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

// Users who had projects and labels before the counts existed: the migration must start each
// count at what the user has live, or the cap would be off for good (the API only moves it).
describe(`${COUNTS_MIGRATION} on a database with rows (${testDriver()} driver)`, () => {
  const adminUrl = () => inject("testDatabase").adminUrl;
  const name = `backfill_${process.pid}_${testDriver()}`;
  let earlier: string;

  beforeAll(async () => {
    earlier = migrationsBefore(COUNTS_MIGRATION);
    await dropDatabase(adminUrl(), name);
    await createDatabaseNamed(adminUrl(), name);
  });
  afterAll(async () => {
    await dropDatabase(adminUrl(), name);
    rmSync(earlier, { recursive: true, force: true });
  });

  it("counts each user's live projects (not soft-deleted ones) and labels", async () => {
    const { db, close } = createDatabase({
      url: databaseUrl(adminUrl(), name),
      max: 1,
      ...testDriverOptions(),
    });
    try {
      await migrate(db, { migrationsFolder: earlier });
      await db.execute(sql`insert into "user" (id, name, email) values
        ('ada', 'Ada', 'ada@example.test'), ('bob', 'Bob', 'bob@example.test'),
        ('cy', 'Cy', 'cy@example.test'), ('di', 'Di', 'di@example.test')`);
      // ada: 3 live projects and 2 deleted ones, 4 labels; bob: only deleted projects, 1 label;
      // cy: projects only; di: nothing.
      await db.execute(sql`insert into projects (id, user_id, name, color, deleted_at)
        select gen_random_uuid(), p.user_id, 'p' || i, 'gray', case when p.deleted then now() end
        from (values ('ada', 3, false), ('ada', 2, true), ('bob', 2, true), ('cy', 1, false))
          as p(user_id, n, deleted)
        cross join lateral generate_series(1, p.n) as i`);
      await db.execute(sql`insert into labels (id, user_id, name, color)
        select gen_random_uuid(), l.user_id, 'l' || i, 'gray'
        from (values ('ada', 4), ('bob', 1)) as l(user_id, n)
        cross join lateral generate_series(1, l.n) as i`);

      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });

      const counts = async (table: string) => {
        const result = await db.execute<{ user_id: string; live: number }>(
          sql`select user_id, live from ${sql.identifier(table)} order by user_id`,
        );
        return result.rows.map((row) => [row.user_id, Number(row.live)]);
      };
      expect(await counts("project_counts")).toEqual([
        ["ada", 3],
        ["bob", 0],
        ["cy", 1],
      ]);
      expect(await counts("label_counts")).toEqual([
        ["ada", 4],
        ["bob", 1],
      ]);
    } finally {
      await close();
    }
  });
});
