import { todoInputSchema, todoPatchSchema } from "@repo/contracts/todo";
import { readJsonBody } from "../../http/read-json-body";
import { json } from "../../http/respond";
import type { AuthedContext } from "../../http/route";
import { validate } from "../../http/validate";
import { getTodoForUser } from "../queries/get-todo-for-user";
import { softDeleteTodoForUser } from "../queries/soft-delete-todo-for-user";
import { type TodoChanges, updateTodoForUser } from "../queries/update-todo-for-user";
import { etagOf, toTodo } from "../serialize";
import { missingTodoError, todoIdOf } from "./todo-errors";

const MERGE_PATCH = ["application/json", "application/merge-patch+json"];

// GET /api/v1/todos/{id} — one of the caller's todos
export async function getTodoHandler({ params, deps, user }: AuthedContext): Promise<Response> {
  const id = todoIdOf(params);
  const row = await getTodoForUser(deps.db, user.userId, id);
  if (!row) throw await missingTodoError(deps.db, user.userId, id, { write: false });
  return json(toTodo(row), { headers: { ETag: etagOf(row) } });
}

async function update(
  { params, deps, user }: AuthedContext,
  changes: TodoChanges,
): Promise<Response> {
  const id = todoIdOf(params);
  const row = await updateTodoForUser(deps.db, user.userId, id, changes);
  if (!row) throw await missingTodoError(deps.db, user.userId, id, { write: true });
  return json(toTodo(row), { headers: { ETag: etagOf(row) } });
}

// PUT /api/v1/todos/{id} — replace: omitted description → null, omitted completed → false
export async function replaceTodoHandler(ctx: AuthedContext): Promise<Response> {
  return update(ctx, validate(todoInputSchema, await readJsonBody(ctx.request)));
}

// PATCH /api/v1/todos/{id} — change only the fields sent (JSON Merge Patch)
export async function patchTodoHandler(ctx: AuthedContext): Promise<Response> {
  const body = await readJsonBody(ctx.request, { accept: MERGE_PATCH });
  return update(ctx, validate(todoPatchSchema, body));
}

// DELETE /api/v1/todos/{id} — soft delete
export async function deleteTodoHandler({ params, deps, user }: AuthedContext): Promise<Response> {
  const id = todoIdOf(params);
  if (!(await softDeleteTodoForUser(deps.db, user.userId, id)))
    throw await missingTodoError(deps.db, user.userId, id, { write: true });
  return new Response(null, { status: 204 });
}
