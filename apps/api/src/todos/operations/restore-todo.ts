import { todoSchema } from "@repo/contracts/todo";
import { defineOperation } from "../../http/operation";
import { json } from "../../http/respond";
import { limitReached, TODO_CAP } from "../../resources/live-caps";
import { takeLiveSlot } from "../../resources/queries/live-count";
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
  description:
    "Undoes a soft delete; restoring a live todo returns it unchanged. Bringing one back when the caller already has as many live todos as allowed is a 409 `todo-limit-reached`.",
  request: { params: todoIdParams },
  response: {
    status: 200,
    description: "The restored todo.",
    schema: todoSchema,
    headers: ["ETag"],
  },
  problems: [...ITEM_PROBLEMS, TODO_CAP.problem],
  async handler({ deps, user, input: { params } }) {
    const limit = TODO_CAP.limit(deps);
    // A restore makes a todo live, so it takes a place under the limit as a create does; past
    // the limit the transaction rolls back and the todo stays deleted.
    const restored = await deps.db.transaction(async (tx) => {
      const row = await restoreTodoForUser(tx, user.userId, params.id);
      if (row && !(await takeLiveSlot(tx, TODO_CAP.counts, user.userId, limit)))
        throw limitReached(TODO_CAP, limit);
      return row;
    });
    const row = restored ?? (await getTodoForUser(deps.db, user.userId, params.id));
    if (!row) throw await missingTodoError(deps.db, user.userId, params.id, { write: true });
    return json(toTodo(row), { headers: { ETag: etagOf(row) } });
  },
});
