import type { LabelListParams, labelListQuerySchema } from "@repo/contracts/label";
import type { ProjectListParams, projectListQuerySchema } from "@repo/contracts/project";
import type { TodoListParams, todoListQuerySchema } from "@repo/contracts/todo";
import type { z } from "zod";

// The *ListParams types are written beside their schemas rather than derived from them (the
// schemas' input is URL strings), so check here that each pair names the same parameters: a
// drift fails the typecheck.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
type QueryKey<S extends z.ZodType> = keyof z.input<S>;
true satisfies SameKeys<QueryKey<typeof todoListQuerySchema>, keyof TodoListParams>;
true satisfies SameKeys<QueryKey<typeof projectListQuerySchema>, keyof ProjectListParams>;
true satisfies SameKeys<QueryKey<typeof labelListQuerySchema>, keyof LabelListParams>;

/**
 * The query string of a list: the schema's own parameter names, undefined ones omitted; a list
 * (the todos' labelId) is the parameter repeated, once per value.
 */
export function toSearchParams(schema: z.ZodObject, params: object = {}): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of Object.keys(schema.shape)) {
    const value = (params as Record<string, unknown>)[key];
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one));
  }
  return search;
}
