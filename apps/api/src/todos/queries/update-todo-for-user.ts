import type { Database } from "@repo/db/client";
import { type TodoRow, todos } from "@repo/db/schema";
import { and, type SQL, sql } from "drizzle-orm";
import { preparedPerDatabase } from "../../db/prepared";
import { ownLiveTodo, type TodoRecord, todoColumns } from "./columns";

/** The stored fields a PUT or PATCH may change (priority as stored: 1–4). */
export type TodoChanges = Partial<
  Pick<TodoRow, "title" | "description" | "completed" | "dueAt" | "priority" | "projectId">
>;

/** The versions an `If-Match` allows: undefined for no precondition, "any" for `*`. */
export type ExpectedVersions = "any" | number[] | undefined;

const FIELDS = ["title", "description", "completed", "dueAt", "priority", "projectId"] as const;

/** The condition on `version`, with the allowed versions as one array placeholder. */
export function versionMatches(expected: ExpectedVersions): SQL | undefined {
  if (expected === undefined || expected === "any") return undefined;
  return sql`${todos.version} = any(${sql.placeholder("versions")}::int[])`;
}

// One statement per shape: which fields change, and whether a version is expected.
const statement = preparedPerDatabase((db, shape: string) => {
  const [fields = "", versioned] = shape.split("/");
  const set: Record<string, unknown> = {};
  // As SQL, not as a column value: drizzle would run a null dueAt through the column's encoder.
  for (const field of fields.split(",").filter(Boolean))
    set[field] = sql`${sql.placeholder(field)}`;
  // completedAt follows completed: set when it becomes true, kept while it stays true.
  if ("completed" in set)
    set.completedAt = sql`case when ${sql.placeholder("completed")}::boolean then coalesce(${todos.completedAt}, now()) end`;
  return db
    .update(todos)
    .set({ ...set, version: sql`${todos.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        ownLiveTodo(sql.placeholder("userId"), sql.placeholder("id")),
        versioned === "v" ? versionMatches([]) : undefined,
      ),
    )
    .returning(todoColumns)
    .prepare(
      `todos_update_${fields.replaceAll(",", "_") || "none"}_${versioned === "v" ? "v" : "any"}`,
    );
});

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
): Promise<TodoRecord | undefined> {
  const fields = FIELDS.filter((field) => changes[field] !== undefined);
  const versioned = Array.isArray(expected);
  const [row] = await statement(db, `${fields.join(",")}/${versioned ? "v" : "-"}`).execute({
    ...changes,
    userId,
    id,
    versions: versioned ? expected : [],
  });
  return row;
}
