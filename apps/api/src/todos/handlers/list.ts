import { z } from "zod";
import { json } from "../../http/respond";
import type { AuthedContext } from "../../http/route";
import { validate } from "../../http/validate";
import { listTodos } from "../queries/list-todos";
import { toTodo } from "../serialize";

const PAGE_SIZE = 20;

// No query parameters yet (pagination is the next step); any parameter is refused rather
// than silently ignored, so clients learn early.
const listQuerySchema = z.strictObject({});

// GET /api/v1/todos — the caller's live todos, newest first
export async function listTodosHandler({ url, deps, user }: AuthedContext): Promise<Response> {
  validate(listQuerySchema, Object.fromEntries(url.searchParams), "query");
  const rows = await listTodos(deps.db, { userId: user.userId, limit: PAGE_SIZE });
  return json({ data: rows.map(toTodo), nextCursor: null });
}
