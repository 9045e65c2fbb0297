import type { Database } from "@repo/db/client";
import { labels, projects } from "@repo/db/schema";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";

export interface References {
  /** A project to attach the todo to; null or undefined: none to check. */
  projectId?: string | null | undefined;
  /** Labels to put on the todo. */
  labelIds?: readonly string[] | undefined;
}

/**
 * Locks (FOR SHARE) the owner's live project and the owner's labels that `refs` name, and says
 * which of the two named something that is not the owner's (unknown, another user's, or a
 * soft-deleted project): the same answer for each, so it reveals nothing. Run in the write's
 * transaction: a concurrent delete of the project or a label then waits for the write to commit
 * (and detaches or unlinks what it wrote), or commits first and this finds nothing.
 */
export async function lockReferences(
  tx: Database,
  userId: string,
  refs: References,
): Promise<("projectId" | "labelIds")[]> {
  const missing: ("projectId" | "labelIds")[] = [];
  if (refs.projectId) {
    const found = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(
        and(
          eq(projects.userId, userId),
          eq(projects.id, refs.projectId),
          isNull(projects.deletedAt),
        ),
      )
      .for("share");
    if (found.length === 0) missing.push("projectId");
  }
  if (refs.labelIds?.length) {
    // In id order, as every writer takes them, so two writers never wait on each other in a cycle.
    const found = await tx
      .select({ id: labels.id })
      .from(labels)
      .where(and(eq(labels.userId, userId), inArray(labels.id, [...refs.labelIds])))
      .orderBy(asc(labels.id))
      .for("share");
    if (found.length !== new Set(refs.labelIds).size) missing.push("labelIds");
  }
  return missing;
}
