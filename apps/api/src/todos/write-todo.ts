import type { Identity } from "@repo/auth/verifier";
import type { ApiDeps } from "../deps";
import { ifMatchVersions } from "../http/entity-tags";
import { json } from "../http/respond";
import { type TodoChanges, updateTodoForUser } from "./queries/update-todo-for-user";
import { etagOf, toTodo } from "./serialize";
import { missingTodoError } from "./todo-errors";

/** PUT and PATCH: apply `changes` if `If-Match` allows, answering the todo and its new ETag. */
export async function writeTodo(
  { deps, user }: { deps: ApiDeps; user: Identity },
  id: string,
  ifMatch: string | undefined,
  changes: TodoChanges,
): Promise<Response> {
  const expected = ifMatchVersions(ifMatch ?? null);
  const row = await updateTodoForUser(deps.db, user.userId, id, changes, expected);
  if (!row) throw await missingTodoError(deps.db, user.userId, id, { write: true });
  return json(toTodo(row), { headers: { ETag: etagOf(row) } });
}
