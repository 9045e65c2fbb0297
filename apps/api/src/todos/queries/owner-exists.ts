import type { Database } from "@repo/db/client";
import { user } from "@repo/db/schema";
import { eq } from "drizzle-orm";

/** Whether the token's user still exists (a token outlives a deleted account). */
export async function ownerExists(db: Database, userId: string): Promise<boolean> {
  const rows = await db.select({ id: user.id }).from(user).where(eq(user.id, userId));
  return rows.length > 0;
}
