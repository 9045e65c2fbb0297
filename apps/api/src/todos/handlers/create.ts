import { todoInputSchema } from "@repo/contracts/todo";
import { sqlState } from "@repo/db/errors";
import { readJsonBody } from "../../http/read-json-body";
import { json } from "../../http/respond";
import type { AuthedContext } from "../../http/route";
import { validate } from "../../http/validate";
import { createTodo } from "../queries/create-todo";
import { etagOf, todoLocation, toTodo } from "../serialize";
import { userGone } from "./todo-errors";

const FOREIGN_KEY_VIOLATION = "23503";

// POST /api/v1/todos — create a todo owned by the caller
export async function createTodoHandler({ request, deps, user }: AuthedContext): Promise<Response> {
  const input = validate(todoInputSchema, await readJsonBody(request));
  const row = await createTodo(deps.db, user.userId, input).catch((error: unknown) => {
    // The token outlived its user: the insert's foreign key says so.
    throw sqlState(error) === FOREIGN_KEY_VIOLATION ? userGone() : error;
  });
  return json(toTodo(row), {
    status: 201,
    headers: { Location: todoLocation(row.id), ETag: etagOf(row) },
  });
}
