import { z } from "zod";
import { ifMatchVersions } from "../../http/entity-tags";
import { defineOperation } from "../../http/operation";
import { ifMatchHeader } from "../../http/request-headers";
import { softDeleteTodoForUser } from "../queries/soft-delete-todo-for-user";
import { missingTodoError } from "../todo-errors";
import { todoIdParams } from "../todo-id";
import { ITEM_PROBLEMS } from "./problems";

// DELETE /api/v1/todos/{id} — soft delete (restore undoes it)
export const deleteTodoOperation = defineOperation({
  method: "DELETE",
  path: "/api/v1/todos/{id}",
  auth: "bearer",
  operationId: "deleteTodo",
  tag: "todos",
  summary: "Delete a todo (soft)",
  description: "The todo leaves lists and reads as 404; restore brings it back for 30 days.",
  request: { params: todoIdParams, headers: z.object({ "if-match": ifMatchHeader }) },
  response: { status: 204, description: "Deleted." },
  problems: [...ITEM_PROBLEMS, "precondition-failed"],
  async handler({ deps, user, input: { params, headers } }) {
    const expected = ifMatchVersions(headers["if-match"] ?? null);
    if (!(await softDeleteTodoForUser(deps.db, user.userId, params.id, expected)))
      throw await missingTodoError(deps.db, user.userId, params.id, { write: true });
    return new Response(null, { status: 204 });
  },
});
