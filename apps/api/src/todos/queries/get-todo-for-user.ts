import type { Database } from "@repo/db/client";
import { type TodoRow, todos } from "@repo/db/schema";
import { ownLiveTodo } from "./columns";

export async function getTodoForUser(
  db: Database,
  userId: string,
  id: string,
): Promise<TodoRow | undefined> {
  const [row] = await db.select().from(todos).where(ownLiveTodo(userId, id));
  return row;
}
