import type { Database } from "@repo/db/client";
import { todoLabels, todos } from "@repo/db/schema";

/**
 * A todo written directly, in a project and carrying labels (for the tests of what deleting a
 * project or label does to its todos, whatever the todo API's own fields are).
 */
export async function insertTodo(
  db: Database,
  userId: string,
  { projectId = null, labelIds = [], deleted = false }: InsertTodoOptions = {},
) {
  const [todo] = await db
    .insert(todos)
    .values({ userId, title: "t", projectId, deletedAt: deleted ? new Date() : null })
    .returning();
  if (!todo) throw new Error("the todo was not inserted");
  if (labelIds.length > 0)
    await db
      .insert(todoLabels)
      .values(labelIds.map((labelId) => ({ todoId: todo.id, labelId, userId })));
  return todo;
}

interface InsertTodoOptions {
  projectId?: string | null;
  labelIds?: string[];
  deleted?: boolean;
}
