import { todoSchema } from "@repo/contracts/todo";
import { z } from "zod";
import { noneMatch } from "../../http/entity-tags";
import { defineOperation } from "../../http/operation";
import { ifNoneMatchHeader } from "../../http/request-headers";
import { json } from "../../http/respond";
import { getTodoForUser } from "../queries/get-todo-for-user";
import { etagOf, toTodo } from "../serialize";
import { missingTodoError } from "../todo-errors";
import { todoIdParams } from "../todo-id";
import { ITEM_PROBLEMS } from "./problems";

// GET /api/v1/todos/{id} — one of the caller's todos; If-None-Match → 304
export const getTodoOperation = defineOperation({
  method: "GET",
  path: "/api/v1/todos/{id}",
  auth: "bearer",
  operationId: "getTodo",
  tag: "todos",
  summary: "Get a todo",
  description:
    "One of your live todos, with its ETag; with If-None-Match, 304 when it has not changed.",
  request: { params: todoIdParams, headers: z.object({ "if-none-match": ifNoneMatchHeader }) },
  response: { status: 200, description: "The todo.", schema: todoSchema, headers: ["ETag"] },
  otherResponses: {
    304: { description: "Not modified: If-None-Match matched.", headers: ["ETag"] },
  },
  problems: ITEM_PROBLEMS,
  async handler({ deps, user, input: { params, headers } }) {
    const row = await getTodoForUser(deps.db, user.userId, params.id);
    if (!row) throw await missingTodoError(deps.db, user.userId, params.id, { write: false });
    const etag = etagOf(row);
    if (noneMatch(headers["if-none-match"] ?? null, etag))
      return new Response(null, { status: 304, headers: { ETag: etag } });
    return json(toTodo(row), { headers: { ETag: etag } });
  },
});
