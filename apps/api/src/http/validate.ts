import type { z } from "zod";
import { ApiError, type FieldError } from "./problem";

/** zod issues as the contract's `errors[]`: unknown fields are named one by one. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const prefix = issue.path.join(".");
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => ({
        path: prefix ? `${prefix}.${key}` : key,
        message: "is not a known field",
      }));
    return [{ path: prefix, message: issue.message }];
  });
}

/** Parses `value` with `schema`, or throws the 422 that names every bad field. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what = "body",
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = toFieldErrors(result.error);
  const [first] = errors;
  const detail =
    errors.length === 1 && first
      ? `${first.path || what} ${first.message}`
      : `${errors.length} problems in the ${what}; see errors.`;
  throw new ApiError("validation-error", detail, { errors });
}
