import type { Identity } from "@repo/auth/verifier";
import type { z } from "zod";
import type { ApiDeps } from "../deps";
import type { ProblemCode } from "./problem";
import type { RequiredScope } from "./scopes";

/** The methods an operation can be declared with; HEAD and OPTIONS are answered for them. */
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Response headers the document describes (openapi/headers.ts). */
export type ResponseHeaderName =
  | "ETag"
  | "Location"
  | "Link"
  | "Idempotent-Replayed"
  | "Content-Disposition";

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/** What the pipeline parsed and validated from the request, by the operation's schemas. */
export interface Input<P extends Schema, Q extends Schema, H extends Schema, B extends Schema> {
  params: Out<P>;
  query: Out<Q>;
  headers: Out<H>;
  body: Out<B>;
}

export interface Context<Auth extends "public" | "bearer", I> {
  request: Request;
  url: URL;
  requestId: string;
  deps: ApiDeps;
  /**
   * Who the verified JWT or API key says the caller is, and which it was; every query takes
   * `user.userId` as the owner.
   */
  user: Auth extends "bearer" ? Identity : undefined;
  input: I;
  /** The body as parsed JSON, before validation (what an Idempotency-Key retry must repeat). */
  json: unknown;
  /** Every operation of the API this one is served with (the OpenAPI document is built from them). */
  operations: readonly Operation[];
}

export interface OperationSpec<
  Auth extends "public" | "bearer",
  P extends Schema,
  Q extends Schema,
  H extends Schema,
  B extends Schema,
> {
  method: Method;
  /** The path with `{name}` parameters, as in the contract and the OpenAPI document. */
  path: string;
  /** `bearer`: a verified JWT or API key and the `user` rate limit come first; `public`: neither. */
  auth: Auth;
  /**
   * What an API key needs for a bearer operation (a JWT has every scope): by default
   * `todos:read` for GET and `todos:write` for the rest (scopes.ts); `any`: every key may.
   */
  scope?: RequiredScope | "any";
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  request?: {
    /** Path parameters; a value the schema refuses is a 404 with the schema's message. */
    params?: P;
    /** Query parameters (repeated: a 422, unless its schema is an array); refused values are a 422. */
    query?: Q;
    /** Request headers, by lower-case name; refused values are a 400. */
    headers?: H;
    /** A JSON body of one of these media types (415 otherwise), at most 64 KiB (413); 400, 422. */
    body?: { schema: B; mediaTypes: readonly string[] };
  };
  response: {
    status: number;
    description: string;
    schema?: z.ZodType;
    /** Defaults to application/json when there is a schema. */
    mediaType?: string;
    headers?: readonly ResponseHeaderName[];
  };
  /** Responses besides the success and the problems, e.g. 304. */
  otherResponses?: Record<number, { description: string; headers?: readonly ResponseHeaderName[] }>;
  /** Problems this operation answers besides those every operation (or every bearer one) can. */
  problems: readonly ProblemCode[];
  handler: (context: Context<Auth, Input<P, Q, H, B>>) => Promise<Response>;
}

/** An operation with its types erased: what the router, the pipeline and the document read. */
export type Operation = OperationSpec<"public" | "bearer", Schema, Schema, Schema, Schema>;

/**
 * Declares an operation once, beside its handler: the pipeline validates its inputs from this,
 * the router serves it, and the OpenAPI document describes it. The handler gets typed input.
 */
export function defineOperation<
  const Auth extends "public" | "bearer",
  P extends Schema = undefined,
  Q extends Schema = undefined,
  H extends Schema = undefined,
  B extends Schema = undefined,
>(spec: OperationSpec<Auth, P, Q, H, B>): Operation {
  // The handler's context is narrower than the erased one; the pipeline builds exactly it.
  return spec as unknown as Operation;
}
