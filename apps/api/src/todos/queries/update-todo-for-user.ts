import type { Database } from "@repo/db/client";
import { type TodoRow, todos } from "@repo/db/schema";
import { and, type SQL, sql } from "drizzle-orm";
import { preparedPerDatabase } from "../../db/prepared";
import { ownLiveTodo } from "./columns";

export type TodoChanges = Partial<Pick<TodoRow, "title" | "description" | "completed">>;

/** The versions an `If-Match` allows: undefined for no precondition, "any" for `*`. */
export type ExpectedVersions = "any" | number[] | undefined;

const FIELDS = ["title", "description", "completed"] as const;

/** The condition on `version`, with the allowed versions as one array placeholder. */
export function versionMatches(expected: ExpectedVersions): SQL | undefined {
  if (expected === undefined || expected === "any") return undefined;
  return sql`${todos.version} = any(${sql.placeholder("versions")}::int[])`;
}

// One statement per shape: which fields change, and whether a version is expected.
const statement = preparedPerDatabase((db, shape: string) => {
  const [fields = "", versioned] = shape.split("/");
  const set: Record<string, unknown> = {};
  for (const field of fields.split(",").filter(Boolean)) set[field] = sql.placeholder(field);
  return db
    .update(todos)
    .set({ ...set, version: sql`${todos.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        ownLiveTodo(sql.placeholder("userId"), sql.placeholder("id")),
        versioned === "v" ? versionMatches([]) : undefined,
      ),
    )
    .returning()
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
): Promise<TodoRow | undefined> {
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
