import type { TodoInput } from "@repo/contracts/todo";
import type { Database } from "@repo/db/client";
import { type TodoRow, todos } from "@repo/db/schema";
import { sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { preparedPerDatabase } from "./prepared";

const p = (name: string) => sql.placeholder(name);

// The id is a placeholder too: a prepared statement would otherwise reuse the one default id
// computed when it was built.
const statement = preparedPerDatabase((db) =>
  db
    .insert(todos)
    .values({
      id: p("id"),
      userId: p("userId"),
      title: p("title"),
      description: p("description"),
      completed: p("completed"),
    })
    .returning()
    .prepare("todos_create"),
);

export async function createTodo(db: Database, userId: string, input: TodoInput): Promise<TodoRow> {
  const [row] = await statement(db, "").execute({ id: uuidv7(), userId, ...input });
  if (!row) throw new Error("INSERT … RETURNING returned no row");
  return row;
}
