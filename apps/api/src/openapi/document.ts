import { problemSchema } from "@repo/contracts/problem";
import { z } from "zod";
import type { Operation } from "../http/operation";
import { PROBLEMS, type ProblemCode, problemType } from "../http/problem";
import { header } from "./headers";

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

function responsesOf(operation: Operation, toSchema: ToSchema) {
  const rateLimited = operation.auth === "bearer";
  const { response } = operation;
  const successHeaders = [
    ...(response.headers ?? []),
    "X-Request-Id" as const,
    ...(rateLimited ? (["RateLimit", "RateLimit-Policy"] as const) : []),
  ];
  const responses: Record<string, unknown> = {
    [response.status]: {
      description: response.description,
      headers: Object.fromEntries(successHeaders.map((name) => [name, header(name)])),
      ...(response.schema || response.mediaType
        ? {
            content: {
              [response.mediaType ?? "application/json"]: response.schema
                ? { schema: toSchema(response.schema, "output") }
                : {},
            },
          }
        : {}),
    },
  };
  for (const [status, other] of Object.entries(operation.otherResponses ?? {}))
    responses[status] = {
      description: other.description,
      headers: Object.fromEntries((other.headers ?? []).map((name) => [name, header(name)])),
    };
  const codes: ProblemCode[] = [
    ...operation.problems,
    ...(operation.request?.headers ? (["malformed-request"] as const) : []),
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
    const { description, ...json } = toSchema(field as z.ZodType, "input");
    return {
      name: where === "header" ? headerName(name) : name,
      in: where,
      required: where === "path",
      ...(description ? { description } : {}),
      schema: json,
    };
  });
}

function operationObject(operation: Operation, toSchema: ToSchema) {
  const { request = {} } = operation;
  const { body } = request;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    ...(operation.auth === "public" ? { security: [] } : {}),
    parameters: [
      ...parametersIn("path", request.params, toSchema),
      ...parametersIn("query", request.query, toSchema),
      ...parametersIn("header", request.headers, toSchema),
      { name: "X-Request-Id", in: "header", required: false, ...header("X-Request-Id") },
    ],
    ...(body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              body.mediaTypes.map((type) => [
                type,
                { schema: toSchema(body.schema as z.ZodType, "input") },
              ]),
            ),
          },
        }
      : {}),
    responses: responsesOf(operation, toSchema),
  };
}

/** The OpenAPI 3.1 document, generated from the operations' declarations and their zod schemas. */
export function buildOpenApiDocument(operations: readonly Operation[]) {
  const { components, toSchema } = schemaCollector();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations)
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method.toLowerCase()]: operationObject(operation, toSchema),
    };
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
