import type { TodoInput } from "@repo/contracts/todo";
import type { Database } from "@repo/db/client";
import { type TodoRow, todos } from "@repo/db/schema";
import { sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { preparedPerDatabase } from "../../db/prepared";
import { liveTodoSlot } from "./live-todo-slot";

const p = (name: string) => sql.placeholder(name);

// One statement: the owner's count goes up (if under the limit) and the row goes in, or neither.
// The id is a placeholder too: a prepared statement would otherwise reuse the one default id
// computed when it was built. Select-list parameters carry their types (PostgreSQL would guess text).
const statement = preparedPerDatabase((db) => {
  const slot = db
    .$with("slot", { userId: sql<string>`user_id` })
    .as(liveTodoSlot(p("userId"), p("limit")));
  return db
    .with(slot)
    .insert(todos)
    .select(
      sql`select ${p("id")}::uuid, ${p("userId")}::text, ${p("title")}::varchar, ${p("description")}::text, ${p("completed")}::boolean, case when ${p("completed")}::boolean then now() end, null, ${2}::smallint, null, now(), now(), null, ${1}::int from ${slot}`,
    )
    .returning()
    .prepare("todos_create_within_limit");
});

/** The owner's new todo; undefined when the owner already has `limit` live todos. */
export async function createTodo(
  db: Database,
  userId: string,
  input: TodoInput,
  limit: number,
): Promise<TodoRow | undefined> {
  const [row] = await statement(db, "").execute({
    id: uuidv7(),
    userId,
    limit,
    ...input,
  });
  return row;
}
