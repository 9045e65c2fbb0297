import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { createDatabase, type DatabaseOptions } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../migrations",
);

/** Applies the checked-in migrations; already-applied ones are skipped. */
export async function runMigrations(options: DatabaseOptions): Promise<void> {
  const { db, close } = createDatabase({ ...options, max: 1 });
  try {
    // The node-postgres migrator only uses the dialect's generic session API, so it drives the
    // Neon pool just as well.
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await close();
  }
}
