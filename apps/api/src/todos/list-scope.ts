import type { TodoSort } from "@repo/contracts/todo";
import type { CursorScope, SortKind } from "../pagination/cursor";

/** What a todo list is: its owner, sort and filters. A cursor continues only the list it came from. */
export interface TodoListScope {
  userId: string;
  sort: TodoSort;
  completed: boolean | undefined;
  q: string | undefined;
}

export const todoCursorScope = (scope: TodoListScope): CursorScope => [
  scope.userId,
  scope.sort,
  scope.completed ?? null,
  scope.q ?? null,
];

/** What each sort's column holds, for checking a cursor's value. */
export const TODO_SORT_KINDS: Record<TodoSort, SortKind> = {
  "-createdAt": "timestamp",
  createdAt: "timestamp",
  "-updatedAt": "timestamp",
  updatedAt: "timestamp",
};
