import { ApiError } from "./problem";

/**
 * The URL's query as an object for schema validation. A repeated parameter is a 422: the
 * contract has no list-valued parameters, and silently taking one of the values hides bugs.
 */
export function queryParams(url: URL): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (name in params)
      throw new ApiError("validation-error", `${name} must not be repeated`, {
        errors: [{ path: name, message: "must not be repeated" }],
      });
    params[name] = value;
  }
  return params;
}
