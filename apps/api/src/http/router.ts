import type { Method, Operation } from "./operation";

/** One path of the API and the operations declared on it. */
export interface PathRoute {
  pattern: string;
  operations: ReadonlyMap<string, Operation>;
  /** The `Allow` header: the declared methods, HEAD with GET, and OPTIONS. */
  allow: string;
}

export type RouteMatch =
  | { kind: "found"; route: PathRoute; params: Record<string, string> }
  /** A path segment that is not valid percent-encoded UTF-8: it can name nothing. */
  | { kind: "malformed" }
  | { kind: "none" };

const ORDER: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function pathRoute(pattern: string, operations: Operation[]): PathRoute {
  const byMethod = new Map(operations.map((operation) => [operation.method, operation]));
  const methods = ORDER.filter((method) => byMethod.has(method));
  const allow = [...methods, ...(byMethod.has("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  return { pattern, operations: byMethod, allow };
}

const decode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/**
 * The route table, built once from the operations: static paths by exact lookup, paths with
 * `{name}` parameters by one regular expression each. Path parameters are percent-decoded.
 */
export function createRouter(operations: readonly Operation[]) {
  const byPattern = new Map<string, Operation[]>();
  for (const operation of operations) {
    const list = byPattern.get(operation.path) ?? [];
    if (list.some((o) => o.method === operation.method))
      throw new Error(`${operation.method} ${operation.path} is declared twice`);
    byPattern.set(operation.path, [...list, operation]);
  }

  const exact = new Map<string, PathRoute>();
  const parameterised: { route: PathRoute; regex: RegExp; names: string[] }[] = [];
  for (const [pattern, list] of byPattern) {
    const route = pathRoute(pattern, list);
    const names = [...pattern.matchAll(/\{(\w+)\}/g)].map(([, name]) => name as string);
    if (names.length === 0) exact.set(pattern, route);
    else
      parameterised.push({
        route,
        names,
        regex: new RegExp(`^${pattern.replace(/\{\w+\}/g, "([^/]+)")}$`),
      });
  }

  return {
    routes: [...exact.values(), ...parameterised.map((p) => p.route)],

    match(pathname: string): RouteMatch {
      const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
      const route = exact.get(path);
      if (route) return { kind: "found", route, params: {} };
      for (const { route, regex, names } of parameterised) {
        const found = regex.exec(path);
        if (!found) continue;
        const params: Record<string, string> = {};
        for (const [i, name] of names.entries()) {
          const value = decode(found[i + 1] ?? "");
          if (value === undefined) return { kind: "malformed" };
          params[name] = value;
        }
        return { kind: "found", route, params };
      }
      return path.split("/").some((segment) => decode(segment) === undefined)
        ? { kind: "malformed" }
        : { kind: "none" };
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
