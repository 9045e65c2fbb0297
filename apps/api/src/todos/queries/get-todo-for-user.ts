import type { Database } from "@repo/db/client";
import { todos } from "@repo/db/schema";
import { sql } from "drizzle-orm";
import { preparedPerDatabase } from "../../db/prepared";
import { ownLiveTodo, type TodoRecord, todoColumns } from "./columns";

const statement = preparedPerDatabase((db) =>
  db
    .select(todoColumns)
    .from(todos)
    .where(ownLiveTodo(sql.placeholder("userId"), sql.placeholder("id")))
    .prepare("todos_get_for_user"),
);

export async function getTodoForUser(
  db: Database,
  userId: string,
  id: string,
): Promise<TodoRecord | undefined> {
  const [row] = await statement(db, "").execute({ userId, id });
  return row;
}
