import type { Database } from "@repo/db/client";
import { type ProjectRow, projects } from "@repo/db/schema";
import { and, eq, isNotNull, sql } from "drizzle-orm";

/**
 * Brings back the owner's soft-deleted project, empty (its todos were detached), as a change (new
 * version). Undefined when none. A live project that took its name meanwhile makes the unique
 * index refuse it (see withUniqueName).
 */
export async function restoreProjectForUser(
  db: Database,
  userId: string,
  id: string,
): Promise<ProjectRow | undefined> {
  const [row] = await db
    .update(projects)
    .set({ deletedAt: null, updatedAt: sql`now()`, version: sql`${projects.version} + 1` })
    .where(and(eq(projects.id, id), eq(projects.userId, userId), isNotNull(projects.deletedAt)))
    .returning();
  return row;
}
