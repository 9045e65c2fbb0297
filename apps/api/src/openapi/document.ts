import { problemSchema } from "@repo/contracts/problem";
import { z } from "zod";
import { PROBLEMS, type ProblemCode, problemType } from "../http/problem";
import type { Route } from "../http/route";
import { routes } from "../routes";
import { header } from "./headers";
import { OPERATIONS, type Operation } from "./operations";

type JsonSchema = Record<string, unknown>;

/**
 * Converts zod schemas to JSON Schema 2020-12 (OpenAPI 3.1's dialect). Named schemas
 * (`.meta({ id })` in @repo/contracts) are collected once under components and $ref'd.
 */
function schemaCollector() {
  const components: Record<string, JsonSchema> = {};
  const toComponents = (json: unknown): JsonSchema =>
    JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/'));
  const toSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
    const {
      $schema: _,
      $defs,
      ...json
    } = z.toJSONSchema(schema, {
      io,
      target: "draft-2020-12",
      unrepresentable: "any",
      override: ({ jsonSchema }) => {
        // An integer-typed query parameter keeps no string pattern.
        if (jsonSchema.type === "integer") delete jsonSchema.pattern;
      },
    }) as JsonSchema & { $defs?: Record<string, unknown> };
    for (const [name, def] of Object.entries($defs ?? {})) components[name] = toComponents(def);
    return toComponents(json);
  };
  return { components, toSchema };
}

type ToSchema = ReturnType<typeof schemaCollector>["toSchema"];

const problemResponse = (codes: ProblemCode[]) => ({
  description: codes.map((code) => PROBLEMS[code].description).join(" "),
  headers: Object.fromEntries(
    [
      ...(codes.some((c) => c === "rate-limited" || c === "service-unavailable")
        ? (["Retry-After"] as const)
        : []),
      ...(codes.includes("unauthorized") ? (["WWW-Authenticate"] as const) : []),
      ...(codes.includes("method-not-allowed") ? (["Allow"] as const) : []),
    ].map((name) => [name, header(name)]),
  ),
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

function responsesOf(operation: Operation, route: Route, toSchema: ToSchema) {
  const rateLimited = !route.public;
  const successHeaders = [
    ...(operation.success.headers ?? []),
    "X-Request-Id" as const,
    ...(rateLimited ? (["RateLimit", "RateLimit-Policy"] as const) : []),
  ];
  const responses: Record<string, unknown> = {
    [operation.success.status]: {
      description: operation.success.description,
      headers: Object.fromEntries(successHeaders.map((name) => [name, header(name)])),
      ...(operation.success.schema || operation.success.mediaType
        ? {
            content: {
              [operation.success.mediaType ?? "application/json"]: operation.success.schema
                ? { schema: toSchema(operation.success.schema, "output") }
                : {},
            },
          }
        : {}),
    },
  };
  for (const [status, extra] of Object.entries(operation.extra ?? {}))
    responses[status] = {
      description: extra.description,
      headers: Object.fromEntries((extra.headers ?? []).map((name) => [name, header(name)])),
    };
  const codes: ProblemCode[] = [
    ...operation.problems,
    "method-not-allowed",
    "internal-error",
    ...(rateLimited ? (["unauthorized", "rate-limited", "service-unavailable"] as const) : []),
  ];
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of new Set(codes)) {
    const { status } = PROBLEMS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b))
    responses[status] = problemResponse(group);
  return responses;
}

function parametersOf(operation: Operation, route: Route, toSchema: ToSchema) {
  const path = [...route.pattern.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: name === "id" ? { type: "string", format: "uuid" } : { type: "string" },
  }));
  const query = Object.entries(operation.query?.shape ?? {}).map(([name, schema]) => {
    const { description, ...json } = toSchema(schema as z.ZodType, "input");
    return {
      name,
      in: "query",
      required: false,
      ...(description ? { description } : {}),
      schema: json,
    };
  });
  const headers = [...(operation.requestHeaders ?? []), "X-Request-Id" as const].map((name) => ({
    name,
    in: "header",
    required: false,
    ...header(name),
  }));
  return [...path, ...query, ...headers];
}

function operationObject(operation: Operation, toSchema: ToSchema) {
  const route = routes[operation.route];
  const { body } = operation;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [route.pattern.startsWith("/api/v1/todos") ? "todos" : route.public ? "meta" : "account"],
    ...(route.public ? { security: [] } : {}),
    parameters: parametersOf(operation, route, toSchema),
    ...(body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              body.mediaTypes.map((type) => [type, { schema: toSchema(body.schema, "input") }]),
            ),
          },
        }
      : {}),
    responses: responsesOf(operation, route, toSchema),
  };
}

/** The OpenAPI 3.1 document, generated from the route table, the operations and the shared zod schemas. */
export function buildOpenApiDocument() {
  const { components, toSchema } = schemaCollector();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    const { pattern } = routes[operation.route];
    paths[pattern] = {
      ...paths[pattern],
      [operation.method.toLowerCase()]: operationObject(operation, toSchema),
    };
  }
  toSchema(problemSchema, "output");
  const problem = components.Problem ?? {};
  return {
    openapi: "3.1.0",
    info: {
      title: "todo-api",
      version: "1.0.0",
      description:
        "User-owned todos. Authenticate with `Authorization: Bearer <JWT>` from the web app's Better Auth (`GET /api/auth/token`). Every error is `application/problem+json` (RFC 9457).",
    },
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: "todos", description: "Your todos." },
      { name: "account", description: "Who you are." },
      { name: "meta", description: "Health and this reference; public." },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
      },
      schemas: {
        ...components,
        Problem: {
          ...problem,
          properties: {
            ...(problem.properties as Record<string, unknown>),
            type: {
              type: "string",
              description: "The kind of problem; stable, so clients may switch on it.",
              oneOf: (Object.keys(PROBLEMS) as ProblemCode[]).map((code) => ({
                const: problemType(code),
                title: `${PROBLEMS[code].status} ${PROBLEMS[code].title}`,
                description: PROBLEMS[code].description,
              })),
            },
          },
        },
      },
    },
  };
}
