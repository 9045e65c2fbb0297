import type { Identity } from "@repo/auth/verifier";
import type { ApiDeps } from "../deps";

export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type Method = (typeof METHODS)[number];

export interface RequestContext {
  request: Request;
  url: URL;
  /** Path parameters, by the names in the route's pattern. */
  params: Record<string, string>;
  requestId: string;
  deps: ApiDeps;
}

export interface AuthedContext extends RequestContext {
  /** Who the verified token says the caller is; every query takes `user.userId` as the owner. */
  user: Identity;
}

export type Handler<C extends RequestContext = RequestContext> = (ctx: C) => Promise<Response>;

export interface Route {
  /** The path with `{name}` parameters, as in the API contract and the OpenAPI document. */
  pattern: string;
  /** Public routes skip authentication (and, later, carry no rate-limit headers). */
  public: boolean;
  methods: Partial<Record<Method, Handler<AuthedContext>>>;
}

/** A route of the contract that requires `Authorization: Bearer <JWT>`. */
export function authedRoute(
  pattern: string,
  methods: Partial<Record<Method, Handler<AuthedContext>>>,
): Route {
  return { pattern, public: false, methods };
}

/** A route anyone may call. */
export function publicRoute(pattern: string, methods: Partial<Record<Method, Handler>>): Route {
  // A public handler never reads `user`, so it accepts the wider context too.
  return { pattern, public: true, methods: methods as Route["methods"] };
}

/** The methods a route answers, as the `Allow` header lists them. */
export function allowedMethods(route: Route): string[] {
  const own = Object.keys(route.methods) as Method[];
  const implied: Method[] = own.includes("GET") && !own.includes("HEAD") ? ["HEAD"] : [];
  return [...own, ...implied, "OPTIONS"].filter((m, i, all) => all.indexOf(m) === i);
}
