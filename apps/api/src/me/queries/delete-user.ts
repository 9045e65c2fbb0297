import type { Database } from "@repo/db/client";
import { apikey, deviceCode, user, verification } from "@repo/db/schema";
import { eq } from "drizzle-orm";

/**
 * Deletes the user's row and, by the foreign keys' cascades in the same statement, everything
 * that references it: Better Auth's sessions and accounts, todos (their label links), projects,
 * labels, the live-todo count and idempotency keys; and, in the same transaction, the rows of
 * Better Auth's tables that name the user without a foreign key. False when there was no such user.
 */
export async function deleteUser(db: Database, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    // No foreign key reaches Better Auth's pending links: a password reset keeps the user's id
    // as its value (email verification links are signed tokens, stored nowhere).
    await tx.delete(verification).where(eq(verification.value, userId));
    // Better Auth's api-key and device-authorization schemas have no foreign key to the user.
    await tx.delete(apikey).where(eq(apikey.referenceId, userId));
    await tx.delete(deviceCode).where(eq(deviceCode.userId, userId));
    const deleted = await tx.delete(user).where(eq(user.id, userId)).returning({ id: user.id });
    return deleted.length > 0;
  });
}
