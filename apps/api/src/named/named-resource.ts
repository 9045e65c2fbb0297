import type { NamedSort } from "@repo/contracts/list";
import type { Database } from "@repo/db/client";
import type { LabelRow, labels, ProjectRow, projects } from "@repo/db/schema";
import type { z } from "zod";
import type { ExpectedVersions } from "../http/entity-tags";
import type { Method } from "../http/operation";
import type { SortKind } from "../pagination/cursor";
import type { LiveCap } from "../resources/live-caps";

export type { NamedSort };

/** The tables of the resources a user names: projects (soft-deleted) and labels (deleted outright). */
export type NamedTable = typeof projects | typeof labels;
export type NamedRow = ProjectRow | LabelRow;

export const NAMED_SORT_KINDS: Record<NamedSort, SortKind> = {
  name: "text",
  createdAt: "timestamp",
  "-createdAt": "timestamp",
};

/** A create's or replacement's fields, as the contract's input schema gives them. */
export interface NamedInput {
  name: string;
  color: NamedRow["color"];
  /** Projects only. */
  archived?: boolean;
}

/**
 * What the operations and queries shared by projects and labels need to know of one of them:
 * its names, its table, its schemas (the contract's), and how a row is answered.
 */
export interface NamedResource<Row extends NamedRow = NamedRow> {
  /** `project`: in messages and descriptions. */
  noun: string;
  /** `projects`: the path segment under /api/v1 and the OpenAPI tag. */
  plural: string;
  /** `Project`: in operation ids (`getProject`). */
  title: string;
  table: NamedTable;
  /** The per-user cap on live rows of it, and the table counting them. */
  cap: LiveCap;
  schemas: {
    item: z.ZodType;
    input: z.ZodType<NamedInput>;
    patch: z.ZodType<Partial<NamedInput>>;
    list: z.ZodType;
  };
  toJson(row: Row): unknown;
}

/** `/api/v1/projects`, or one project's path. */
export const collectionPath = (resource: NamedResource) => `/api/v1/${resource.plural}`;
export const itemPath = (resource: NamedResource, id = "{id}") =>
  `${collectionPath(resource)}/${id}`;

/** The operations every named resource has, each named by its key. */
const STANDARD = {
  list: { method: "GET", item: false, id: (t: string) => `list${t}s` },
  create: { method: "POST", item: false, id: (t: string) => `create${t}` },
  get: { method: "GET", item: true, id: (t: string) => `get${t}` },
  replace: { method: "PUT", item: true, id: (t: string) => `replace${t}` },
  patch: { method: "PATCH", item: true, id: (t: string) => `patch${t}` },
  delete: { method: "DELETE", item: true, id: (t: string) => `delete${t}` },
} as const satisfies Record<string, { method: Method; item: boolean; id: (t: string) => string }>;

/**
 * The method, path and names of one of `resource`'s standard operations (`getProject` is GET
 * /api/v1/projects/{id}, tagged `projects`).
 */
export const namedOperation = <K extends keyof typeof STANDARD>(
  resource: NamedResource,
  kind: K,
  summary: string,
) => ({
  method: STANDARD[kind].method,
  path: STANDARD[kind].item ? itemPath(resource) : collectionPath(resource),
  auth: "bearer" as const,
  operationId: STANDARD[kind].id(resource.title),
  tag: resource.plural,
  summary,
});

/** A success that answers one row of `schema` with its ETag. */
export const itemResponse = (schema: z.ZodType, description: string, status = 200) => ({
  status,
  description,
  schema,
  headers: ["ETag"] as const,
});

/** Removes the owner's live row if its version is expected; false when there was none to remove. */
export type RemoveNamed = (
  db: Database,
  userId: string,
  id: string,
  expected: ExpectedVersions,
) => Promise<boolean>;
