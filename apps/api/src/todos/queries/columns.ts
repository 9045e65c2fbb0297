import { type TodoRow, todoLabels, todos } from "@repo/db/schema";
import {
  and,
  type Column,
  eq,
  getTableColumns,
  getTableName,
  isNull,
  type Placeholder,
  type SQL,
  sql,
} from "drizzle-orm";

/** The caller's live (not soft-deleted) todo with this id: the filter every item query starts from. */
export const ownLiveTodo = (userId: string | Placeholder, id: string | Placeholder) =>
  and(eq(todos.id, id), eq(todos.userId, userId), isNull(todos.deletedAt));

/** A todo as every read answers it: its row and the ids of its labels. */
export type TodoRecord = TodoRow & { labelIds: string[] };

/**
 * The ids of the labels of the todo `id` names, in no order (toTodo sorts them: a Sort node per
 * row would cost more than sorting at most 20 strings): a correlated subquery through
 * todo_labels' primary key (todo_id, label_id). As text: both drivers parse text[]. The column is
 * written qualified: drizzle prints a select list's columns bare, and a bare "id" here would only
 * resolve to the todo's because todo_labels has none.
 */
export function labelIdsOf(todoId: Column): SQL<string[]> {
  const id = sql`${sql.identifier(getTableName(todoId.table))}.${sql.identifier(todoId.name)}`;
  return sql<
    string[]
  >`array(select link.label_id::text from ${todoLabels} as link where link.todo_id = ${id})`;
}

/** The select list (and RETURNING list) of every todo read: the row and its labelIds. */
export const todoColumns = {
  ...getTableColumns(todos),
  labelIds: labelIdsOf(todos.id).as("label_ids"),
};
