import { projectCounts, projects, todos } from "@repo/db/schema";
import { and, eq, sql } from "drizzle-orm";
import type { RemoveNamed } from "../../named/named-resource";
import { ownLive, versionIn } from "../../resources/owned-table";
import { lockLiveCount, releaseLiveSlot } from "../../resources/queries/live-count";

/**
 * Marks the owner's live project deleted, detaches every todo in it (soft-deleted ones too:
 * no project, a new version) and lowers the owner's live-project count, in one transaction
 * that locks the count row first (see live-count.ts). False when no such project, or the
 * expected version did not match.
 *
 * Two statements for the project and its todos, on purpose: the first takes the project's row
 * lock, waiting for any transaction attaching a todo to it (which holds the project FOR SHARE);
 * the second starts after that, so its snapshot includes those todos and detaches them too. One
 * statement with a CTE would read the todos as they were before the wait and could leave one in
 * a deleted project.
 */
export const softDeleteProjectForUser: RemoveNamed = (db, userId, id, expected) =>
  db.transaction(async (tx) => {
    await lockLiveCount(tx, projectCounts, userId);
    const [removed] = await tx
      .update(projects)
      .set({ deletedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${projects.version} + 1` })
      .where(and(ownLive(projects, userId, id), versionIn(projects, expected)))
      .returning({ id: projects.id });
    if (!removed) return false;
    await tx
      .update(todos)
      .set({ projectId: null, updatedAt: sql`now()`, version: sql`${todos.version} + 1` })
      .where(and(eq(todos.userId, userId), eq(todos.projectId, id)));
    await releaseLiveSlot(tx, projectCounts, userId);
    return true;
  });
