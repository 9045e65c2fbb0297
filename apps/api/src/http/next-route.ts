import { getDeps } from "../deps";
import { METHODS, type Method, type Route } from "./route";
import { runRoute } from "./run-route";

// Next resolves `params` to undefined on routes without dynamic segments.
type NextContext = { params: Promise<Record<string, string | string[]> | undefined> };
type NextHandler = (request: Request, context: NextContext) => Promise<Response>;

/**
 * Adapts a route to a Next route file: every method is exported, so a method the route does
 * not serve gets the API's 405 problem (with `Allow`) instead of Next's bare one.
 */
export function nextRoute(route: Route): Record<Method, NextHandler> {
  const handle: NextHandler = async (request, { params }) => {
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries((await params) ?? {}))
      flat[name] = Array.isArray(value) ? value.join("/") : value;
    return runRoute(route, request, flat, getDeps());
  };
  return Object.fromEntries(METHODS.map((m) => [m, handle])) as Record<Method, NextHandler>;
}
