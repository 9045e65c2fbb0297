import { LIST_LIMIT_DEFAULT, todoListQuerySchema, todoListSchema } from "@repo/contracts/todo";
import { defineOperation } from "../../http/operation";
import { json } from "../../http/respond";
import { ensureUserExists } from "../../me/account-gone";
import { decodeCursor, encodeCursor } from "../../pagination/cursor";
import { TODO_SORT_KINDS, type TodoListScope, todoCursorScope } from "../list-scope";
import { listTodos, sortColumnOf } from "../queries/list-todos";
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
    "The caller's live todos, a page at a time (keyset pagination). Walking the pages yields each todo exactly once even while todos are created; with an updatedAt sort, a todo updated during the walk moves within the order.",
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
    };
    const cursorScope = todoCursorScope(scope);
    const position =
      query.cursor === undefined
        ? undefined
        : decodeCursor(cursorScope, query.cursor, TODO_SORT_KINDS[scope.sort]);
    const after = position && { at: position.value as string, id: position.id };

    // One row more than the page tells whether another page follows (no empty last page).
    const rows = await listTodos(deps.db, { ...scope, limit: limit + 1, after });
    const page = rows.slice(0, limit);
    if (page.length === 0) await ensureUserExists(deps.db, user.userId);
    const last = page.at(-1);
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor(cursorScope, {
            value: last[sortColumnOf(scope.sort)].toISOString(),
            id: last.id,
          })
        : null;

    const headers = new Headers();
    if (nextCursor) {
      const next = new URL(url);
      next.searchParams.set("cursor", nextCursor);
      // As parsed ("007" is 7), so the link is as short as the document says it is.
      if (query.limit !== undefined) next.searchParams.set("limit", String(limit));
      headers.set("Link", `<${next.pathname}${next.search}>; rel="next"`);
    }
    return json({ data: page.map(toTodo), nextCursor }, { headers });
  },
});
