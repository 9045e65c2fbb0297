import { problemSchema } from "@repo/contracts/problem";
import { z } from "zod";
import type { Operation } from "../http/operation";
import { PROBLEMS, type ProblemCode, problemType } from "../http/problem";
import { requiredScope } from "../http/scopes";
import { type HeaderName, headerComponents, headerRefs, requestIdParameter } from "./headers";

type JsonSchema = Record<string, unknown>;

/**
 * What a schema describes: a request body and parameters are what a client sends (zod's input
 * side: a field with a default is optional), a response what it receives (the output side).
 */
type Use = "body" | "parameter" | "response";

/**
 * Converts zod schemas to JSON Schema 2020-12 (OpenAPI 3.1's dialect). Named schemas
 * (`.meta({ id })` in @repo/contracts) are collected once under components and $ref'd.
 */
function schemaCollector() {
  const components: Record<string, JsonSchema> = {};
  const toComponents = (json: unknown): JsonSchema =>
    JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/'));
  const toSchema = (schema: z.ZodType, use: Use): JsonSchema => {
    const {
      $schema: _,
      $defs,
      ...json
    } = z.toJSONSchema(schema, {
      io: use === "response" ? "output" : "input",
      target: "draft-2020-12",
      unrepresentable: "any",
      override: ({ zodSchema, jsonSchema }) => {
        // An integer-typed query parameter keeps no string pattern.
        if (jsonSchema.type === "integer") delete jsonSchema.pattern;
        if (use === "body" && "default" in jsonSchema) {
          // openapi-typescript (defaultNonNullable, on by default) types a property that has a
          // `default` in a component schema as always present, so a generated client would
          // demand every defaulted field of a body. A body says its defaults in words instead.
          const { default: value, description } = jsonSchema;
          delete jsonSchema.default;
          jsonSchema.description = [description, `Omitted: \`${JSON.stringify(value)}\`.`]
            .filter(Boolean)
            .join(" ");
        }
        if (use === "parameter" && !("default" in jsonSchema)) {
          // zod drops a default stated on a transformed value (limit: "20" → 20) from the input
          // side; for a query parameter it is the wire value the server assumes, so keep it.
          const stated = z.globalRegistry.get(zodSchema)?.default;
          if (stated !== undefined) jsonSchema.default = stated;
        }
      },
    }) as JsonSchema & { $defs?: Record<string, unknown> };
    for (const [name, def] of Object.entries($defs ?? {})) {
      const component = toComponents(def);
      // One name, one shape: a named schema used both in a request and in a response must read
      // the same on both sides, or the document would describe one of them wrongly.
      if (name in components && JSON.stringify(components[name]) !== JSON.stringify(component))
        throw new Error(`Schema ${name} differs between its uses; give each its own id.`);
      components[name] = component;
    }
    return toComponents(json);
  };
  return { components, toSchema };
}

type ToSchema = ReturnType<typeof schemaCollector>["toSchema"];

const PROBLEM_CONTENT = {
  "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
};

/** Headers on every response, and on every response of a bearer operation once past routing. */
const EVERY_RESPONSE: HeaderName[] = ["X-Request-Id", "Access-Control-Allow-Origin"];
const RATE_LIMIT: HeaderName[] = ["RateLimit", "RateLimit-Policy"];

function problemResponse(status: number, codes: ProblemCode[], rateLimited: boolean) {
  return {
    description: codes.map((code) => PROBLEMS[code].description).join(" "),
    headers: headerRefs([
      ...EVERY_RESPONSE,
      // 405 is answered before authentication, so before any rate limit is counted.
      ...(rateLimited && status !== 405 ? RATE_LIMIT : []),
      ...(status === 429 || status === 503 ? (["Retry-After"] as const) : []),
      ...(status === 401 || codes.includes("insufficient-scope")
        ? (["WWW-Authenticate"] as const)
        : []),
      ...(status === 405 ? (["Allow"] as const) : []),
    ]),
    content: PROBLEM_CONTENT,
  };
}

function responsesOf(operation: Operation, toSchema: ToSchema) {
  const rateLimited = operation.auth === "bearer";
  const always = [...EVERY_RESPONSE, ...(rateLimited ? RATE_LIMIT : [])];
  const { response } = operation;
  const responses: Record<string, unknown> = {
    [response.status]: {
      description: response.description,
      headers: headerRefs([...(response.headers ?? []), ...always]),
      ...(response.schema || response.mediaType
        ? {
            content: {
              [response.mediaType ?? "application/json"]: response.schema
                ? { schema: toSchema(response.schema, "response") }
                : {},
            },
          }
        : {}),
    },
  };
  for (const [status, other] of Object.entries(operation.otherResponses ?? {}))
    responses[status] = {
      description: other.description,
      headers: headerRefs([...(other.headers ?? []), ...always]),
    };
  const codes: ProblemCode[] = [
    ...operation.problems,
    ...(operation.request?.headers ? (["malformed-request"] as const) : []),
    "method-not-allowed",
    "internal-error",
    ...(rateLimited ? (["unauthorized", "rate-limited", "service-unavailable"] as const) : []),
    ...(requiredScope(operation) ? (["insufficient-scope"] as const) : []),
  ];
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of new Set(codes)) {
    const { status } = PROBLEMS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b))
    responses[status] = problemResponse(status, group, rateLimited);
  responses["4XX"] = {
    description:
      "Every client error is a problem (RFC 9457); the statuses above are those this operation answers.",
    headers: headerRefs(always),
    content: PROBLEM_CONTENT,
  };
  return responses;
}

/** `if-none-match` → `If-None-Match`, as headers are usually written. */
const headerName = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());

function parametersIn(
  where: "path" | "query" | "header",
  schema: z.ZodType | undefined,
  toSchema: ToSchema,
) {
  const shape = (schema as z.ZodObject | undefined)?.shape ?? {};
  return Object.entries(shape).map(([name, field]) => {
    const { description, ...json } = toSchema(field as z.ZodType, "parameter");
    return {
      name: where === "header" ? headerName(name) : name,
      in: where,
      required: where === "path",
      ...(description ? { description } : {}),
      schema: json,
    };
  });
}

/**
 * Who may call the operation: nobody needs to (public); a JWT, or an API key with the scope the
 * operation needs (the role names of the key's scheme); a JWT only for `account:delete`, which
 * no key can hold.
 */
function securityOf(operation: Operation) {
  if (operation.auth === "public") return [];
  const scope = requiredScope(operation);
  if (scope === "account:delete") return [{ bearerAuth: [] }];
  return [{ bearerAuth: [] }, { apiKeyAuth: scope ? [scope] : [] }];
}

function operationObject(operation: Operation, toSchema: ToSchema) {
  const { request = {} } = operation;
  const { body } = request;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    security: securityOf(operation),
    parameters: [
      ...parametersIn("path", request.params, toSchema),
      ...parametersIn("query", request.query, toSchema),
      ...parametersIn("header", request.headers, toSchema),
      requestIdParameter,
    ],
    ...(body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              body.mediaTypes.map((type) => [
                type,
                { schema: toSchema(body.schema as z.ZodType, "body") },
              ]),
            ),
          },
        }
      : {}),
    responses: responsesOf(operation, toSchema),
  };
}

const longest = (texts: readonly string[]) => Math.max(...texts.map((text) => text.length));

/** The OpenAPI 3.1 document, generated from the operations' declarations and their zod schemas. */
export function buildOpenApiDocument(operations: readonly Operation[]) {
  const { components, toSchema } = schemaCollector();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations)
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method.toLowerCase()]: operationObject(operation, toSchema),
    };
  toSchema(problemSchema, "response");
  const problem = components.Problem ?? {};
  const codes = Object.keys(PROBLEMS) as ProblemCode[];
  return {
    openapi: "3.1.0",
    info: {
      title: "todo-api",
      version: "1.0.0",
      description:
        "User-owned todos. Authenticate with `Authorization: Bearer <JWT>` from the web app's Better Auth (`GET /api/auth/token`), or `Authorization: Bearer todo_…` with a personal API key (created in the web app or by the CLI's device login), limited to its scopes. Every error is `application/problem+json` (RFC 9457).",
    },
    servers: [
      {
        url: "/",
        description:
          "The origin that serves this document, whichever environment it is (local, staging, production).",
        // For any client with a token, not only the web app.
        "x-internal": false,
      },
    ],
    security: [{ bearerAuth: [] }, { apiKeyAuth: [] }],
    tags: [
      { name: "todos", description: "Your todos." },
      { name: "projects", description: "Your projects: a todo belongs to at most one." },
      { name: "labels", description: "Your labels: a todo carries any number of them." },
      { name: "account", description: "Who you are." },
      { name: "meta", description: "Health and this reference; public." },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description:
            "A JWT from the web app's Better Auth (`GET /api/auth/token`), verified as RFC8725 (JWT best current practices) asks: an allow-list of algorithms set by configuration (never read from the token; `none` refused), the signature against the issuer's JWKS, `iss` and `aud`, a required `exp`, and a clock tolerance of at most 60 s. A JWT is the signed-in user: it may do everything, deleting the account included.",
        },
        apiKeyAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "todo_ API key",
          description:
            "A personal API key, `todo_` and 64 letters, created in the web app or by the CLI's device login (RFC 8628); sent as `Authorization: Bearer todo_…`. A key holds scopes: `todos:read` (every GET: todos, projects, labels, your account and its export) and `todos:write` (every change). Each operation lists the scope it needs; without it, 403 `insufficient-scope`. No key may delete the account. A revoked or expired key is refused within 10 seconds; its requests count against its user's rate limit.",
        },
      },
      headers: headerComponents,
      schemas: {
        ...components,
        Problem: {
          ...problem,
          properties: {
            ...(problem.properties as Record<string, unknown>),
            type: {
              type: "string",
              maxLength: longest(codes.map(problemType)),
              description: "The kind of problem; stable, so clients may switch on it.",
              oneOf: codes.map((code) => ({
                const: problemType(code),
                title: `${PROBLEMS[code].status} ${PROBLEMS[code].title}`,
                description: PROBLEMS[code].description,
              })),
            },
            title: {
              type: "string",
              maxLength: longest(codes.map((code) => PROBLEMS[code].title)),
              description: "A short summary of the kind of problem.",
            },
          },
        },
      },
    },
  };
}
