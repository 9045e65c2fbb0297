import { meSchema } from "@repo/contracts/me";
import {
  todoInputSchema,
  todoListQuerySchema,
  todoListSchema,
  todoPatchSchema,
  todoSchema,
} from "@repo/contracts/todo";
import type { z } from "zod";
import type { ProblemCode } from "../http/problem";
import type { Method } from "../http/route";
import type { routes } from "../routes";

export type HeaderName =
  | "ETag"
  | "Location"
  | "Link"
  | "Idempotent-Replayed"
  | "If-Match"
  | "If-None-Match"
  | "Idempotency-Key";

export interface Operation {
  route: keyof typeof routes;
  method: Method;
  operationId: string;
  summary: string;
  description?: string;
  query?: z.ZodObject;
  body?: { schema: z.ZodType; mediaTypes: string[] };
  requestHeaders?: HeaderName[];
  success: {
    status: number;
    description: string;
    schema?: z.ZodType;
    mediaType?: string;
    headers?: HeaderName[];
  };
  /** Problems this operation can answer besides the ones every authenticated one can. */
  problems: ProblemCode[];
  /** Extra non-problem responses, e.g. 304. */
  extra?: Record<number, { description: string; headers?: HeaderName[] }>;
}

const JSON_BODY = ["application/json"];
const BODY_PROBLEMS: ProblemCode[] = [
  "malformed-request",
  "payload-too-large",
  "unsupported-media-type",
  "validation-error",
];
const ITEM_PROBLEMS: ProblemCode[] = ["forbidden", "not-found"];

/** Every operation of the API, with the schemas its handler uses. A test checks it against the route table. */
export const OPERATIONS: Operation[] = [
  {
    route: "todos",
    method: "GET",
    operationId: "listTodos",
    summary: "List your todos",
    description:
      "The caller's live todos, a page at a time (keyset pagination). Walking the pages yields each todo exactly once even while todos are created; with an updatedAt sort, a todo updated during the walk moves within the order.",
    query: todoListQuerySchema,
    success: {
      status: 200,
      description: "A page of todos.",
      schema: todoListSchema,
      headers: ["Link"],
    },
    problems: ["validation-error"],
  },
  {
    route: "todos",
    method: "POST",
    operationId: "createTodo",
    summary: "Create a todo",
    description:
      "With `Idempotency-Key`, a retry with the same body returns the first response (with `Idempotent-Replayed: true`) and creates nothing.",
    body: { schema: todoInputSchema, mediaTypes: JSON_BODY },
    requestHeaders: ["Idempotency-Key"],
    success: {
      status: 201,
      description: "Created.",
      schema: todoSchema,
      headers: ["Location", "ETag", "Idempotent-Replayed"],
    },
    problems: [...BODY_PROBLEMS, "conflict"],
  },
  {
    route: "todo",
    method: "GET",
    operationId: "getTodo",
    summary: "Get a todo",
    requestHeaders: ["If-None-Match"],
    success: { status: 200, description: "The todo.", schema: todoSchema, headers: ["ETag"] },
    problems: ITEM_PROBLEMS,
    extra: { 304: { description: "Not modified: If-None-Match matched.", headers: ["ETag"] } },
  },
  {
    route: "todo",
    method: "PUT",
    operationId: "replaceTodo",
    summary: "Replace a todo",
    description: "An omitted description becomes null; an omitted completed becomes false.",
    body: { schema: todoInputSchema, mediaTypes: JSON_BODY },
    requestHeaders: ["If-Match"],
    success: {
      status: 200,
      description: "The replaced todo.",
      schema: todoSchema,
      headers: ["ETag"],
    },
    problems: [...BODY_PROBLEMS, ...ITEM_PROBLEMS, "precondition-failed"],
  },
  {
    route: "todo",
    method: "PATCH",
    operationId: "patchTodo",
    summary: "Change some fields of a todo",
    description: "JSON Merge Patch: only the fields sent change; `description: null` clears it.",
    body: {
      schema: todoPatchSchema,
      mediaTypes: ["application/json", "application/merge-patch+json"],
    },
    requestHeaders: ["If-Match"],
    success: {
      status: 200,
      description: "The changed todo.",
      schema: todoSchema,
      headers: ["ETag"],
    },
    problems: [...BODY_PROBLEMS, ...ITEM_PROBLEMS, "precondition-failed"],
  },
  {
    route: "todo",
    method: "DELETE",
    operationId: "deleteTodo",
    summary: "Delete a todo (soft)",
    description: "The todo leaves lists and reads as 404; restore brings it back for 30 days.",
    requestHeaders: ["If-Match"],
    success: { status: 204, description: "Deleted." },
    problems: [...ITEM_PROBLEMS, "precondition-failed"],
  },
  {
    route: "restore",
    method: "POST",
    operationId: "restoreTodo",
    summary: "Restore a deleted todo",
    description: "Undoes a soft delete; restoring a live todo returns it unchanged.",
    success: {
      status: 200,
      description: "The restored todo.",
      schema: todoSchema,
      headers: ["ETag"],
    },
    problems: ITEM_PROBLEMS,
  },
  {
    route: "me",
    method: "GET",
    operationId: "getMe",
    summary: "Who you are",
    description: "From the verified token; email and name are null when the token has none.",
    success: { status: 200, description: "The caller.", schema: meSchema },
    problems: [],
  },
  {
    route: "health",
    method: "GET",
    operationId: "getHealth",
    summary: "Liveness",
    success: { status: 200, description: "The process answers." },
    problems: [],
  },
  {
    route: "ready",
    method: "GET",
    operationId: "getReadiness",
    summary: "Readiness",
    description: "Checks the database.",
    success: { status: 200, description: "Ready to serve." },
    problems: ["service-unavailable"],
  },
  {
    route: "openapi",
    method: "GET",
    operationId: "getOpenApiDocument",
    summary: "This document",
    success: { status: 200, description: "OpenAPI 3.1." },
    problems: [],
  },
  {
    route: "docs",
    method: "GET",
    operationId: "getApiReference",
    summary: "The interactive API reference",
    success: { status: 200, description: "An HTML page.", mediaType: "text/html" },
    problems: [],
  },
  {
    route: "docsAsset",
    method: "GET",
    operationId: "getApiReferenceAsset",
    summary: "A script or style sheet of the API reference",
    success: { status: 200, description: "The file." },
    problems: ["not-found"],
  },
];
