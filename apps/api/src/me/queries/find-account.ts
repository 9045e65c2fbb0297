import type { Database } from "@repo/db/client";
import { user } from "@repo/db/schema";
import { eq, sql } from "drizzle-orm";

/**
 * The user's account as Better Auth keeps it, and the database's `now()` in epoch milliseconds:
 * inside a transaction, the moment it started.
 */
export async function findAccount(db: Database, userId: string) {
  const [found] = await db
    .select({
      id: user.id,
      email: user.email,
      name: user.name,
      nowMs: sql<number>`floor(extract(epoch from now()) * 1000)`.mapWith(Number),
    })
    .from(user)
    .where(eq(user.id, userId));
  return found;
}
