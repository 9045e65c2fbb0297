import type { Todo } from "@repo/contracts/todo";
import type { TodoRow } from "@repo/db/schema";
import { priorityLevel } from "./priority";
import type { TodoRecord } from "./queries/columns";

export function toTodo(row: TodoRecord): Todo {
  return {
    id: row.id,
    userId: row.userId,
    title: row.title,
    description: row.description,
    completed: row.completed,
    completedAt: row.completedAt?.toISOString() ?? null,
    dueAt: row.dueAt?.toISOString() ?? null,
    priority: priorityLevel(row.priority),
    projectId: row.projectId,
    // Ascending, as the contract says (lower-case UUIDs sort as text as they do as uuid).
    labelIds: [...row.labelIds].sort(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** A strong entity tag: the version changes with every write, soft delete and restore included. */
export const etagOf = (row: Pick<TodoRow, "version">) => `"${row.version}"`;

export const todoLocation = (id: string) => `/api/v1/todos/${id}`;
