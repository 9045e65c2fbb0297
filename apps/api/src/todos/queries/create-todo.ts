import type { TodoInput } from "@repo/contracts/todo";
import type { Database } from "@repo/db/client";
import { todoCounts, todos } from "@repo/db/schema";
import { sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { preparedPerDatabase } from "../../db/prepared";
import { liveSlot } from "../../resources/queries/live-count";
import { priorityValue } from "../priority";
import { type TodoRecord, todoColumns } from "./columns";

const p = (name: string) => sql.placeholder(name);

// One statement: the owner's count goes up (if under the limit) and the row goes in, or neither.
// The id is a placeholder too: a prepared statement would otherwise reuse the one default id
// computed when it was built. Select-list parameters carry their types (PostgreSQL would guess text).
const statement = preparedPerDatabase((db) => {
  const slot = db
    .$with("slot", { userId: sql<string>`user_id` })
    .as(liveSlot(todoCounts, p("userId"), p("limit")));
  return db
    .with(slot)
    .insert(todos)
    .select(
      sql`select ${p("id")}::uuid, ${p("userId")}::text, ${p("title")}::varchar, ${p("description")}::text, ${p("completed")}::boolean, case when ${p("completed")}::boolean then now() end, ${p("dueAt")}::timestamptz, ${p("priority")}::smallint, ${p("projectId")}::uuid, now(), now(), null, ${1}::int from ${slot}`,
    )
    .returning(todoColumns)
    .prepare("todos_create_within_limit");
});

/**
 * The owner's new todo, with no labels yet; undefined when the owner already has `limit` live
 * todos. Its project must be the owner's (checked by the caller, and by the foreign key).
 */
export async function createTodo(
  db: Database,
  userId: string,
  input: Omit<TodoInput, "labelIds">,
  limit: number,
): Promise<TodoRecord | undefined> {
  const [row] = await statement(db, "").execute({
    id: uuidv7(),
    userId,
    limit,
    title: input.title,
    description: input.description,
    completed: input.completed,
    dueAt: input.dueAt,
    priority: priorityValue(input.priority),
    projectId: input.projectId,
  });
  return row;
}
