import { labelCounts, labels, todoLabels, todos } from "@repo/db/schema";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { RemoveNamed } from "../../named/named-resource";
import { ownLive, versionIn } from "../../resources/owned-table";
import { lockLiveCount, releaseLiveSlot } from "../../resources/queries/live-count";

/**
 * Deletes the owner's label, in one transaction: the owner's label count row is locked first
 * (see live-count.ts), then the label (FOR UPDATE, waiting for any transaction attaching it,
 * which holds it FOR SHARE), every todo carrying it gets a new version (its labelIds change),
 * the label goes and its links with it (the foreign key's cascade), and the count goes down.
 * False when no such label, or the expected version did not match.
 */
export const deleteLabelForUser: RemoveNamed = (db, userId, id, expected) =>
  db.transaction(async (tx) => {
    await lockLiveCount(tx, labelCounts, userId);
    const [locked] = await tx
      .select({ id: labels.id })
      .from(labels)
      .where(and(ownLive(labels, userId, id), versionIn(labels, expected)))
      .for("update");
    if (!locked) return false;
    // A statement of its own, after the lock: it sees the links of attaches that held the label.
    const carriers = tx
      .select({ id: todoLabels.todoId })
      .from(todoLabels)
      .where(and(eq(todoLabels.labelId, id), eq(todoLabels.userId, userId)));
    await tx
      .update(todos)
      .set({ updatedAt: sql`now()`, version: sql`${todos.version} + 1` })
      .where(and(eq(todos.userId, userId), inArray(todos.id, carriers)));
    await tx.delete(labels).where(and(eq(labels.id, id), eq(labels.userId, userId)));
    await releaseLiveSlot(tx, labelCounts, userId);
    return true;
  });
