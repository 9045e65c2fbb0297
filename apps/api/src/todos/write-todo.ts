import type { Identity } from "@repo/auth/verifier";
import type { TodoPatch } from "@repo/contracts/todo";
import type { ApiDeps } from "../deps";
import { ifMatchVersions } from "../http/entity-tags";
import { json } from "../http/respond";
import { priorityValue } from "./priority";
import { updateTodoForUser } from "./queries/update-todo-for-user";
import { etagOf, toTodo } from "./serialize";
import { missingTodoError } from "./todo-errors";
import { writeWithReferences } from "./with-references";

/**
 * PUT and PATCH: apply `changes` if `If-Match` allows, answering the todo and its new ETag. A
 * project or labels among them are checked and locked in the same transaction as the write.
 */
export async function writeTodo(
  { deps, user }: { deps: ApiDeps; user: Identity },
  id: string,
  ifMatch: string | undefined,
  { labelIds, priority, ...changes }: TodoPatch,
): Promise<Response> {
  const expected = ifMatchVersions(ifMatch ?? null);
  const fields = { ...changes, priority: priority && priorityValue(priority) };
  const row = await writeWithReferences(
    deps.db,
    user.userId,
    { projectId: changes.projectId, labelIds },
    (db) => updateTodoForUser(db, user.userId, id, fields, expected),
  );
  if (!row) throw await missingTodoError(deps.db, user.userId, id, { write: true });
  return json(toTodo(row), { headers: { ETag: etagOf(row) } });
}
