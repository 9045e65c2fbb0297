import { todoPatchSchema, todoSchema } from "@repo/contracts/todo";
import { z } from "zod";
import { defineOperation } from "../../http/operation";
import { ifMatchHeader } from "../../http/request-headers";
import { todoIdParams } from "../todo-id";
import { writeTodo } from "../write-todo";
import { BODY_PROBLEMS, ITEM_PROBLEMS, MERGE_PATCH_BODY } from "./problems";

// PATCH /api/v1/todos/{id} — change only the fields sent (JSON Merge Patch)
export const patchTodoOperation = defineOperation({
  method: "PATCH",
  path: "/api/v1/todos/{id}",
  auth: "bearer",
  operationId: "patchTodo",
  tag: "todos",
  summary: "Change some fields of a todo",
  description: "JSON Merge Patch: only the fields sent change; `description: null` clears it.",
  request: {
    params: todoIdParams,
    headers: z.object({ "if-match": ifMatchHeader }),
    body: { schema: todoPatchSchema, mediaTypes: MERGE_PATCH_BODY },
  },
  response: {
    status: 200,
    description: "The changed todo.",
    schema: todoSchema,
    headers: ["ETag"],
  },
  problems: [...BODY_PROBLEMS, ...ITEM_PROBLEMS, "precondition-failed"],
  handler: (ctx) =>
    writeTodo(ctx, ctx.input.params.id, ctx.input.headers["if-match"], ctx.input.body),
});
