import type { Database } from "@repo/db/client";
import { user } from "@repo/db/schema";
import { eq, sql } from "drizzle-orm";
import { preparedPerDatabase } from "../../db/prepared";

/**
 * SQL that is true while the user exists: for a query that explains why it found nothing to ask
 * in the same round trip (explain-missing-todo.ts).
 */
export const userExistsSql = (db: Database, userId: string) =>
  sql<boolean>`exists (${db.select({ one: sql`1` }).from(user).where(eq(user.id, userId))})`;

const statement = preparedPerDatabase((db, _shape: "by-id") =>
  db
    .select({ one: sql`1` })
    .from(user)
    .where(eq(user.id, sql.placeholder("userId")))
    .prepare("user_exists"),
);

/** Whether the user (Better Auth's row) still exists: one primary-key probe. */
export async function userExists(db: Database, userId: string): Promise<boolean> {
  const rows = await statement(db, "by-id").execute({ userId });
  return rows.length > 0;
}
