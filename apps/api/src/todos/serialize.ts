import type { Todo } from "@repo/contracts/todo";
import { ownedJson } from "../resources/serialize";
import { priorityLevel } from "./priority";
import type { TodoRecord } from "./queries/columns";

export const toTodo = (row: TodoRecord): Todo =>
  ownedJson(row, {
    title: row.title,
    description: row.description,
    completed: row.completed,
    completedAt: row.completedAt?.toISOString() ?? null,
    dueAt: row.dueAt?.toISOString() ?? null,
    priority: priorityLevel(row.priority),
    projectId: row.projectId,
    // Ascending, as the contract says (lower-case UUIDs sort as text as they do as uuid).
    labelIds: [...row.labelIds].sort(),
  });

export { etagOf } from "../http/entity-tags";

export const todoLocation = (id: string) => `/api/v1/todos/${id}`;
