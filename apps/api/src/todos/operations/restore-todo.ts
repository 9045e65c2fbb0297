import { todoSchema } from "@repo/contracts/todo";
import { defineOperation } from "../../http/operation";
import { json } from "../../http/respond";
import { getTodoForUser } from "../queries/get-todo-for-user";
import { restoreTodoForUser } from "../queries/restore-todo-for-user";
import { etagOf, toTodo } from "../serialize";
import { missingTodoError } from "../todo-errors";
import { todoIdParams } from "../todo-id";
import { ITEM_PROBLEMS } from "./problems";

// POST /api/v1/todos/{id}/restore — undo a soft delete; a live todo is returned unchanged
export const restoreTodoOperation = defineOperation({
  method: "POST",
  path: "/api/v1/todos/{id}/restore",
  auth: "bearer",
  operationId: "restoreTodo",
  tag: "todos",
  summary: "Restore a deleted todo",
  description: "Undoes a soft delete; restoring a live todo returns it unchanged.",
  request: { params: todoIdParams },
  response: {
    status: 200,
    description: "The restored todo.",
    schema: todoSchema,
    headers: ["ETag"],
  },
  problems: ITEM_PROBLEMS,
  async handler({ deps, user, input: { params } }) {
    const row =
      (await restoreTodoForUser(deps.db, user.userId, params.id)) ??
      (await getTodoForUser(deps.db, user.userId, params.id));
    if (!row) throw await missingTodoError(deps.db, user.userId, params.id, { write: true });
    return json(toTodo(row), { headers: { ETag: etagOf(row) } });
  },
});
