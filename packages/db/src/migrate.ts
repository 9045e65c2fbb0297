import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { createDatabase, type DatabaseOptions } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../migrations",
);

// pg_advisory_lock's key for "todo-api migrations" (any fixed bigint; this one is unlikely to
// collide with another application's locks on a shared database).
export const MIGRATION_LOCK = 7_446_173_910_276_553n;

/**
 * Applies the checked-in migrations; already-applied ones are skipped. Safe to run from several
 * instances at once: drizzle's migrator takes no lock (two processes could apply one migration
 * twice, drizzle-orm issue 874), so the run holds a session-level advisory lock on its one
 * connection (a pool of one) and releases it on every path; the others wait for it, then find
 * nothing left to apply. Needs a session: on Neon, the direct (unpooled) URL.
 */
export async function runMigrations(options: DatabaseOptions): Promise<void> {
  const { db, close } = createDatabase({ ...options, max: 1 });
  try {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      // The node-postgres migrator only uses the dialect's generic session API, so it drives the
      // Neon pool just as well.
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    await close();
  }
}
