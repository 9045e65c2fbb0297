import type { Database } from "@repo/db/client";
import { apikey } from "@repo/db/schema";
import { and, eq } from "drizzle-orm";

/** Deletes the owner's API key `keyId` (Better Auth's row); false when it was already gone. */
export async function deleteApiKey(db: Database, userId: string, keyId: string): Promise<boolean> {
  const deleted = await db
    .delete(apikey)
    .where(and(eq(apikey.id, keyId), eq(apikey.referenceId, userId)))
    .returning({ id: apikey.id });
  return deleted.length > 0;
}
