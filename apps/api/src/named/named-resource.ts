import type { LabelRow, labels, ProjectRow, projects } from "@repo/db/schema";
import type { z } from "zod";
import type { SortKind } from "../pagination/cursor";

/** The tables of the resources a user names: projects (soft-deleted) and labels (deleted outright). */
export type NamedTable = typeof projects | typeof labels;
export type NamedRow = ProjectRow | LabelRow;

/** The list sorts every named resource has: by name ignoring case (the default), or by creation. */
export type NamedSort = "name" | "createdAt" | "-createdAt";

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
