import type { Todo } from "@repo/contracts/todo";
import type { TodoRow } from "@repo/db/schema";

export function toTodo(row: TodoRow): Todo {
  return {
    id: row.id,
    userId: row.userId,
    title: row.title,
    description: row.description,
    completed: row.completed,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export { etagOf } from "../http/entity-tags";

export const todoLocation = (id: string) => `/api/v1/todos/${id}`;
