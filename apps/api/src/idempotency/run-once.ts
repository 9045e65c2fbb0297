import type { Database } from "@repo/db/client";
import { idempotencyKeys } from "@repo/db/schema";
import { and, eq, gt, sql } from "drizzle-orm";
import { ApiError } from "../http/problem";

/** How long a key is honoured; the purge command deletes keys older than this. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Runs `create` at most once per (user, key), in one transaction with the stored response:
 * - the same key again with the same route and body (`hash`): the stored first response,
 *   nothing created;
 * - with another body, or on another route: 422; while the first is still running: 409.
 * A transaction-scoped advisory lock on (user, key) tells "running" apart without waiting;
 * the key row is written in the same transaction as the todo, so no crash, retry pattern or
 * instance count can leave a todo without its key or create a second one.
 */
export async function runOnce(
  db: Database,
  { userId, key, hash }: { userId: string; key: string; hash: string },
  create: (tx: Database) => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  return db.transaction(async (tx) => {
    const lockKey = `${userId.length}:${userId}${key}`;
    const lock = await tx.execute<{ locked: boolean }>(
      sql`select pg_try_advisory_xact_lock(hashtextextended(${lockKey}, 0)) as locked`,
    );
    if (!lock.rows[0]?.locked)
      throw new ApiError("conflict", "A request with this Idempotency-Key is still in progress.");

    const mine = and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));
    const [stored] = await tx
      .select()
      .from(idempotencyKeys)
      .where(
        and(
          mine,
          gt(
            idempotencyKeys.createdAt,
            sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})`,
          ),
        ),
      );
    if (stored) {
      if (stored.requestHash !== hash)
        throw new ApiError(
          "validation-error",
          "This Idempotency-Key was used with a different body or on another route.",
          {
            errors: [
              { path: "Idempotency-Key", message: "was used with a different body or route" },
            ],
          },
        );
      return { status: stored.status, headers: stored.headers, body: stored.body, replayed: true };
    }

    // An expired key may still be there until the purge: it no longer counts.
    await tx.delete(idempotencyKeys).where(mine);
    const response = await create(tx);
    await tx.insert(idempotencyKeys).values({ userId, key, requestHash: hash, ...response });
    return { ...response, replayed: false };
  });
}
