import type { z } from "zod";
import { ApiError } from "./problem";

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType };

/** Whether a query field's schema takes a list (an array, however optional or transformed). */
function takesList(schema: z.ZodType): boolean {
  const def = schema._zod.def as Def;
  if (def.type === "array") return true;
  const inner = def.innerType ?? def.in;
  return inner ? takesList(inner) : false;
}

const repeatableOf = new WeakMap<z.ZodType, ReadonlySet<string>>();

/** The parameters of a query schema that may be repeated: those its schema takes as a list. */
export function repeatableParams(schema: z.ZodType): ReadonlySet<string> {
  let names = repeatableOf.get(schema);
  if (!names) {
    const shape = (schema as z.ZodObject).shape ?? {};
    names = new Set(
      Object.entries(shape).flatMap(([name, field]) =>
        takesList(field as z.ZodType) ? [name] : [],
      ),
    );
    repeatableOf.set(schema, names);
  }
  return names;
}

/**
 * The URL's query as an object for schema validation. A parameter the schema takes as a list
 * (`repeatable`) is always an array of its values; any other repeated parameter is a 422:
 * silently taking one of the values hides bugs.
 */
export function queryParams(
  url: URL,
  repeatable: ReadonlySet<string> = new Set(),
): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const seen = params[name];
    if (repeatable.has(name)) params[name] = [...((seen as string[] | undefined) ?? []), value];
    else if (seen !== undefined)
      throw new ApiError("validation-error", `${name} must not be repeated`, {
        errors: [{ path: name, message: "must not be repeated" }],
      });
    else params[name] = value;
  }
  return params;
}
