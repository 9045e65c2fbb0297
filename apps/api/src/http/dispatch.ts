import type { ApiDeps } from "../deps";
import { routes, unknownRoute } from "../routes";
import type { Route } from "./route";
import { runRoute } from "./run-route";

const compiled = Object.values(routes).map((route) => ({
  route,
  regex: new RegExp(`^${route.pattern.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}/?$`),
}));

/** The route serving `pathname` (the catch-all 404 route under /api/v1), with its parameters. */
export function matchRoute(
  pathname: string,
): { route: Route; params: Record<string, string> } | undefined {
  for (const { route, regex } of compiled) {
    const found = regex.exec(pathname);
    if (found) return { route, params: { ...found.groups } };
  }
  if (pathname === "/api/v1" || pathname.startsWith("/api/v1/"))
    return { route: unknownRoute, params: {} };
  return undefined;
}

/**
 * Serves a request from the route table without Next: the same pipeline, for tests and for
 * any other host (a plain `node:http` server, a worker). Paths outside the API → undefined.
 */
export async function dispatch(request: Request, deps: ApiDeps): Promise<Response | undefined> {
  const found = matchRoute(new URL(request.url).pathname);
  return found && runRoute(found.route, request, found.params, deps);
}
