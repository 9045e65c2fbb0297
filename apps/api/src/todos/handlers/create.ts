import { todoInputSchema } from "@repo/contracts/todo";
import type { Database } from "@repo/db/client";
import { sqlState } from "@repo/db/errors";
import { readJsonBody } from "../../http/read-json-body";
import { json } from "../../http/respond";
import type { AuthedContext } from "../../http/route";
import { validate } from "../../http/validate";
import { idempotencyKeyOf, requestHash } from "../../idempotency/key";
import { runOnce, type StoredResponse } from "../../idempotency/run-once";
import { createTodo } from "../queries/create-todo";
import { etagOf, todoLocation, toTodo } from "../serialize";
import { userGone } from "./todo-errors";

const FOREIGN_KEY_VIOLATION = "23503";

// POST /api/v1/todos — create a todo owned by the caller; Idempotency-Key honoured
export async function createTodoHandler({ request, deps, user }: AuthedContext): Promise<Response> {
  const key = idempotencyKeyOf(request);
  const body = await readJsonBody(request);
  const input = validate(todoInputSchema, body);

  const create = async (db: Database): Promise<StoredResponse> => {
    const row = await createTodo(db, user.userId, input);
    return {
      status: 201,
      headers: { Location: todoLocation(row.id), ETag: etagOf(row) },
      body: toTodo(row),
    };
  };

  try {
    if (key === undefined) {
      const created = await create(deps.db);
      return json(created.body, created);
    }
    const outcome = await runOnce(
      deps.db,
      { userId: user.userId, key, hash: requestHash(body) },
      create,
    );
    const headers = {
      ...outcome.headers,
      ...(outcome.replayed ? { "Idempotent-Replayed": "true" } : {}),
    };
    return json(outcome.body, { status: outcome.status, headers });
  } catch (error) {
    // The token outlived its user: the insert's foreign key says so.
    throw sqlState(error) === FOREIGN_KEY_VIOLATION ? userGone() : error;
  }
}
