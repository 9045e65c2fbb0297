import { todoInputSchema, todoSchema } from "@repo/contracts/todo";
import { z } from "zod";
import { defineOperation } from "../../http/operation";
import { ifMatchHeader } from "../../http/request-headers";
import { todoIdParams } from "../todo-id";
import { writeTodo } from "../write-todo";
import { BODY_PROBLEMS, ITEM_PROBLEMS, JSON_BODY } from "./problems";

// PUT /api/v1/todos/{id} — replace: omitted description → null, omitted completed → false
export const replaceTodoOperation = defineOperation({
  method: "PUT",
  path: "/api/v1/todos/{id}",
  auth: "bearer",
  operationId: "replaceTodo",
  tag: "todos",
  summary: "Replace a todo",
  description: "An omitted description becomes null; an omitted completed becomes false.",
  request: {
    params: todoIdParams,
    headers: z.object({ "if-match": ifMatchHeader }),
    body: { schema: todoInputSchema, mediaTypes: JSON_BODY },
  },
  response: {
    status: 200,
    description: "The replaced todo.",
    schema: todoSchema,
    headers: ["ETag"],
  },
  problems: [...BODY_PROBLEMS, ...ITEM_PROBLEMS, "precondition-failed"],
  handler: (ctx) =>
    writeTodo(ctx, ctx.input.params.id, ctx.input.headers["if-match"], ctx.input.body),
});
