import type { Database } from "@repo/db/client";
import { type TodoRow, todos } from "@repo/db/schema";
import { and, inArray, type SQL, sql } from "drizzle-orm";
import { ownLiveTodo } from "./columns";

export type TodoChanges = Partial<Pick<TodoRow, "title" | "description" | "completed">>;

/** The versions an `If-Match` allows: undefined for no precondition, "any" for `*`. */
export type ExpectedVersions = "any" | number[] | undefined;

export function versionMatches(expected: ExpectedVersions): SQL | undefined {
  if (expected === undefined || expected === "any") return undefined;
  return expected.length ? inArray(todos.version, expected) : sql`false`;
}

/**
 * Applies `changes` to the owner's live todo and bumps its version, checking the expected
 * version in the same statement: of concurrent writers holding the same version, exactly one
 * succeeds. Undefined when no such todo, or the version did not match.
 */
export async function updateTodoForUser(
  db: Database,
  userId: string,
  id: string,
  changes: TodoChanges,
  expected?: ExpectedVersions,
): Promise<TodoRow | undefined> {
  const [row] = await db
    .update(todos)
    .set({ ...changes, version: sql`${todos.version} + 1`, updatedAt: sql`now()` })
    .where(and(ownLiveTodo(userId, id), versionMatches(expected)))
    .returning();
  return row;
}
