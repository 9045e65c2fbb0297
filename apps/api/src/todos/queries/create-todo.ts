import type { TodoInput } from "@repo/contracts/todo";
import type { Database } from "@repo/db/client";
import { type TodoRow, todos } from "@repo/db/schema";

export async function createTodo(db: Database, userId: string, input: TodoInput): Promise<TodoRow> {
  const [row] = await db
    .insert(todos)
    .values({ userId, ...input })
    .returning();
  if (!row) throw new Error("INSERT … RETURNING returned no row");
  return row;
}
