import { todoSchema } from "@repo/contracts/todo";
import { defineOperation } from "../../http/operation";
import { json } from "../../http/respond";
import { getTodoForUser } from "../queries/get-todo-for-user";
import { hasRoomForLiveTodo } from "../queries/has-room-for-live-todo";
import { isOwnDeletedTodo } from "../queries/is-own-deleted-todo";
import { restoreTodoForUser } from "../queries/restore-todo-for-user";
import { etagOf, toTodo } from "../serialize";
import { missingTodoError, todoLimitReached } from "../todo-errors";
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
  description:
    "Undoes a soft delete; restoring a live todo returns it unchanged. Bringing one back when the caller already has as many live todos as allowed is a 409 `todo-limit-reached`.",
  request: { params: todoIdParams },
  response: {
    status: 200,
    description: "The restored todo.",
    schema: todoSchema,
    headers: ["ETag"],
  },
  problems: [...ITEM_PROBLEMS, "todo-limit-reached"],
  async handler({ deps, user, input: { params } }) {
    const limit = deps.todoLimitPerUser;
    // A restore makes a todo live: counted under the owner's lock, as a create is.
    const restored = await deps.db.transaction(async (tx) => {
      if (await hasRoomForLiveTodo(tx, user.userId, limit))
        return restoreTodoForUser(tx, user.userId, params.id);
      if (await isOwnDeletedTodo(tx, user.userId, params.id)) throw todoLimitReached(limit);
      return undefined;
    });
    const row = restored ?? (await getTodoForUser(deps.db, user.userId, params.id));
    if (!row) throw await missingTodoError(deps.db, user.userId, params.id, { write: true });
    return json(toTodo(row), { headers: { ETag: etagOf(row) } });
  },
});
