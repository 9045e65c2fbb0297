import { LIST_LIMIT_DEFAULT, todoListQuerySchema, todoListSchema } from "@repo/contracts/todo";
import { defineOperation } from "../../http/operation";
import { decodeCursor } from "../../pagination/cursor";
import { pageResponse } from "../../pagination/page";
import { TODO_SORT_KINDS, type TodoListScope, todoCursorScope } from "../list-scope";
import { priorityValue } from "../priority";
import { listTodos, sortValueOf } from "../queries/list-todos";
import { toTodo } from "../serialize";

// GET /api/v1/todos — the caller's live todos, a page at a time
export const listTodosOperation = defineOperation({
  method: "GET",
  path: "/api/v1/todos",
  auth: "bearer",
  operationId: "listTodos",
  tag: "todos",
  summary: "List your todos",
  description:
    "The caller's live todos, a page at a time (keyset pagination), filtered and sorted. Walking the pages yields each todo exactly once even while todos are created; with an updatedAt, dueAt or priority sort, a todo changed during the walk moves within the order. A filter by a project or label that is not the caller's gives an empty list.",
  request: { query: todoListQuerySchema },
  response: {
    status: 200,
    description: "A page of todos.",
    schema: todoListSchema,
    headers: ["Link"],
  },
  problems: ["validation-error"],
  async handler({ url, deps, user, input: { query } }) {
    const limit = query.limit ?? LIST_LIMIT_DEFAULT;
    const scope: TodoListScope = {
      userId: user.userId,
      sort: query.sort ?? "-createdAt",
      completed: query.completed,
      q: query.q,
      projectId: query.projectId === "none" ? null : query.projectId,
      labelIds: query.labelId,
      dueAfter: query.dueAfter,
      dueBefore: query.dueBefore,
      overdue: query.overdue,
      priority: query.priority,
    };
    const cursorScope = todoCursorScope(scope);
    const position =
      query.cursor === undefined
        ? undefined
        : decodeCursor(cursorScope, query.cursor, TODO_SORT_KINDS[scope.sort]);
    const after = position && { at: position.value, id: position.id };

    const rows = await listTodos(deps.db, {
      ...scope,
      priority: scope.priority && priorityValue(scope.priority),
      limit: limit + 1,
      after,
    });
    return pageResponse(url, rows, {
      owner: { db: deps.db, userId: user.userId },
      limit,
      limitGiven: query.limit !== undefined,
      scope: cursorScope,
      sortValue: (row) => sortValueOf(row, scope.sort),
      toJson: toTodo,
    });
  },
});
