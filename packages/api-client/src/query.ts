import { type TodoListParams, todoListQuerySchema } from "@repo/contracts/todo";
import type { z } from "zod";

type QueryKey = keyof z.input<typeof todoListQuerySchema>;

// TodoListParams is written beside the schema rather than derived from it (the schema's input is
// URL strings), so check here that the two name the same parameters: a drift fails the typecheck.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
true satisfies SameKeys<QueryKey, keyof TodoListParams>;

/**
 * The query string of GET /todos: the schema's own parameter names, undefined ones omitted; a
 * list (labelId) is the parameter repeated, once per value.
 */
export function toSearchParams(params: TodoListParams = {}): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of Object.keys(todoListQuerySchema.shape) as QueryKey[]) {
    const value = params[key];
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one));
  }
  return search;
}
