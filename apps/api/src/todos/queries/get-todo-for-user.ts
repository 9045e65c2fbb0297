import type { Database } from "@repo/db/client";
import { type TodoRow, todos } from "@repo/db/schema";
import { sql } from "drizzle-orm";
import { preparedPerDatabase } from "../../db/prepared";
import { ownLiveTodo } from "./columns";

const statement = preparedPerDatabase((db) =>
  db
    .select()
    .from(todos)
    .where(ownLiveTodo(sql.placeholder("userId"), sql.placeholder("id")))
    .prepare("todos_get_for_user"),
);

export async function getTodoForUser(
  db: Database,
  userId: string,
  id: string,
): Promise<TodoRow | undefined> {
  const [row] = await statement(db, "").execute({ userId, id });
  return row;
}
