import type { Priority, TodoSort } from "@repo/contracts/todo";
import type { CursorScope, SortKind } from "../pagination/cursor";

/** What a todo list is: its owner, sort and filters. A cursor continues only the list it came from. */
export interface TodoListScope {
  userId: string;
  sort: TodoSort;
  completed: boolean | undefined;
  q: string | undefined;
  /** A project's id, null for "none". */
  projectId: string | null | undefined;
  /** Distinct, ascending. */
  labelIds: string[] | undefined;
  dueAfter: Date | undefined;
  dueBefore: Date | undefined;
  overdue: boolean | undefined;
  priority: Priority | undefined;
}

// undefined (no filter) and null (projectId=none) must bind differently.
const orAbsent = <T>(value: T | undefined) => (value === undefined ? "absent" : value);

export const todoCursorScope = (scope: TodoListScope): CursorScope => [
  scope.userId,
  scope.sort,
  scope.completed ?? null,
  scope.q ?? null,
  orAbsent(scope.projectId),
  scope.labelIds?.join(",") ?? null,
  scope.dueAfter?.toISOString() ?? null,
  scope.dueBefore?.toISOString() ?? null,
  scope.overdue ?? null,
  scope.priority ?? null,
];

/** What each sort's column holds, for checking a cursor's value. */
export const TODO_SORT_KINDS: Record<TodoSort, SortKind> = {
  "-createdAt": "timestamp",
  createdAt: "timestamp",
  "-updatedAt": "timestamp",
  updatedAt: "timestamp",
  dueAt: "nullable-timestamp",
  priority: "int",
  "-priority": "int",
};
