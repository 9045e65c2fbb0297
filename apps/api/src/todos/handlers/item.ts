import { todoInputSchema, todoPatchSchema } from "@repo/contracts/todo";
import { ifMatchVersions, noneMatch } from "../../http/entity-tags";
import { readJsonBody } from "../../http/read-json-body";
import { json } from "../../http/respond";
import type { AuthedContext } from "../../http/route";
import { validate } from "../../http/validate";
import { getTodoForUser } from "../queries/get-todo-for-user";
import { restoreTodoForUser } from "../queries/restore-todo-for-user";
import { softDeleteTodoForUser } from "../queries/soft-delete-todo-for-user";
import { type TodoChanges, updateTodoForUser } from "../queries/update-todo-for-user";
import { etagOf, toTodo } from "../serialize";
import { missingTodoError, todoIdOf } from "./todo-errors";

const MERGE_PATCH = ["application/json", "application/merge-patch+json"];

// GET /api/v1/todos/{id} — one of the caller's todos; If-None-Match → 304
export async function getTodoHandler({
  request,
  params,
  deps,
  user,
}: AuthedContext): Promise<Response> {
  const id = todoIdOf(params);
  const row = await getTodoForUser(deps.db, user.userId, id);
  if (!row) throw await missingTodoError(deps.db, user.userId, id, { write: false });
  const etag = etagOf(row);
  if (noneMatch(request.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers: { ETag: etag } });
  return json(toTodo(row), { headers: { ETag: etag } });
}

async function update(
  { request, params, deps, user }: AuthedContext,
  changes: TodoChanges,
): Promise<Response> {
  const id = todoIdOf(params);
  const expected = ifMatchVersions(request.headers.get("if-match"));
  const row = await updateTodoForUser(deps.db, user.userId, id, changes, expected);
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

// DELETE /api/v1/todos/{id} — soft delete (restore undoes it)
export async function deleteTodoHandler({
  request,
  params,
  deps,
  user,
}: AuthedContext): Promise<Response> {
  const id = todoIdOf(params);
  const expected = ifMatchVersions(request.headers.get("if-match"));
  if (!(await softDeleteTodoForUser(deps.db, user.userId, id, expected)))
    throw await missingTodoError(deps.db, user.userId, id, { write: true });
  return new Response(null, { status: 204 });
}

// POST /api/v1/todos/{id}/restore — undo a soft delete; a live todo is returned unchanged
export async function restoreTodoHandler({ params, deps, user }: AuthedContext): Promise<Response> {
  const id = todoIdOf(params);
  const row =
    (await restoreTodoForUser(deps.db, user.userId, id)) ??
    (await getTodoForUser(deps.db, user.userId, id));
  if (!row) throw await missingTodoError(deps.db, user.userId, id, { write: true });
  return json(toTodo(row), { headers: { ETag: etagOf(row) } });
}
