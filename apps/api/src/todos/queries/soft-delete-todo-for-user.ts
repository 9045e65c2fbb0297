import type { Database } from "@repo/db/client";
import { todos } from "@repo/db/schema";
import { and, sql } from "drizzle-orm";
import { ownLiveTodo } from "./columns";
import { preparedPerDatabase } from "./prepared";
import { type ExpectedVersions, versionMatches } from "./update-todo-for-user";

const statement = preparedPerDatabase((db, shape: "v" | "-") =>
  db
    .update(todos)
    .set({ deletedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${todos.version} + 1` })
    .where(
      and(
        ownLiveTodo(sql.placeholder("userId"), sql.placeholder("id")),
        shape === "v" ? versionMatches([]) : undefined,
      ),
    )
    .returning({ id: todos.id })
    .prepare(`todos_soft_delete_${shape === "v" ? "v" : "any"}`),
);

/**
 * Marks the owner's live todo deleted (it leaves lists and reads as 404; restore undoes it).
 * False when no such todo, or the expected version did not match.
 */
export async function softDeleteTodoForUser(
  db: Database,
  userId: string,
  id: string,
  expected?: ExpectedVersions,
): Promise<boolean> {
  const versioned = Array.isArray(expected);
  const rows = await statement(db, versioned ? "v" : "-").execute({
    userId,
    id,
    versions: versioned ? expected : [],
  });
  return rows.length > 0;
}
