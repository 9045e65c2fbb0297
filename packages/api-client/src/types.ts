import type { Label, LabelInputBody, LabelListParams, LabelPatchBody } from "@repo/contracts/label";
import type { AccountExport, Me } from "@repo/contracts/me";
import type {
  Project,
  ProjectInputBody,
  ProjectListParams,
  ProjectPatchBody,
} from "@repo/contracts/project";
import type { Todo, TodoListParams, todoInputSchema, todoPatchSchema } from "@repo/contracts/todo";
import type { z } from "zod";

export type { LabelInputBody, LabelPatchBody, ProjectInputBody, ProjectPatchBody };

/** POST /todos and PUT /todos/{id} bodies, as the caller writes them (defaults not yet applied). */
export type TodoInputBody = z.input<typeof todoInputSchema>;
/** PATCH /todos/{id} bodies (JSON Merge Patch). */
export type TodoPatchBody = z.input<typeof todoPatchSchema>;

/** A resource with the ETag it came with, under the resource's own name: `{ project, etag }`. */
export type WithEtag<Name extends string, T> = { [K in Name]: T } & { etag: string };

/** GET of one: the resource, or on a 304 (`ifNoneMatch` was current) only the tag. */
export type GetResult<Name extends string, T> =
  | ({ notModified: false } & WithEtag<Name, T>)
  | { notModified: true; etag: string };

/** The methods every resource of the API has, one per route. */
export interface ResourceMethods<Name extends string, T, Params, Input, Patch> {
  list(
    params?: Params,
    options?: RequestOptions,
  ): Promise<{ data: T[]; nextCursor: string | null }>;
  /** Every match, page by page, following `nextCursor` (`limit` sets the page size). */
  listAll(params?: Omit<Params, "cursor">, options?: RequestOptions): AsyncGenerator<T>;
  create(input: Input, options?: CreateOptions): Promise<WithEtag<Name, T>>;
  get(id: string, options?: GetOptions): Promise<GetResult<Name, T>>;
  replace(id: string, input: Input, options?: WriteOptions): Promise<WithEtag<Name, T>>;
  patch(id: string, patch: Patch, options?: WriteOptions): Promise<WithEtag<Name, T>>;
  delete(id: string, options?: WriteOptions): Promise<void>;
}

/** A todo with the ETag it came with: pass `etag` as `ifMatch` for a conditional write. */
export type TodoWithEtag = WithEtag<"todo", Todo>;
export type ProjectWithEtag = WithEtag<"project", Project>;
export type LabelWithEtag = WithEtag<"label", Label>;

/** GET /todos/{id}: the todo, or on a 304 (`ifNoneMatch` was current) only the tag. */
export type GetTodoResult = GetResult<"todo", Todo>;
export type GetProjectResult = GetResult<"project", Project>;
export type GetLabelResult = GetResult<"label", Label>;

export interface RequestOptions {
  signal?: AbortSignal;
}
export interface CreateOptions extends RequestOptions {
  /** 1–255 of `[A-Za-z0-9._~:-]`; a retry with the same key and body returns the first todo. */
  idempotencyKey?: string;
}
export interface GetOptions extends RequestOptions {
  ifNoneMatch?: string;
}
export interface WriteOptions extends RequestOptions {
  /** Only write if the todo's current ETag is this one; otherwise a 412 ApiProblemError. */
  ifMatch?: string;
}

/** The routes of /todos (restore included). */
export type TodoMethods = ResourceMethods<
  "todo",
  Todo,
  TodoListParams,
  TodoInputBody,
  TodoPatchBody
> & {
  restore(id: string, options?: RequestOptions): Promise<TodoWithEtag>;
};
/** The routes of /projects (restore included): `client.projects.create({ name })`. */
export type ProjectMethods = ResourceMethods<
  "project",
  Project,
  ProjectListParams,
  ProjectInputBody,
  ProjectPatchBody
> & { restore(id: string, options?: RequestOptions): Promise<ProjectWithEtag> };
/** The routes of /labels (no restore: a label's delete is final). */
export type LabelMethods = ResourceMethods<
  "label",
  Label,
  LabelListParams,
  LabelInputBody,
  LabelPatchBody
>;

/**
 * The todo API v1, one method per route: the todo routes at the top level, projects and labels
 * under `projects` and `labels`. Every method rejects with ApiProblemError on a problem.
 */
export interface TodoClient extends TodoMethods {
  projects: ProjectMethods;
  labels: LabelMethods;
  me(options?: RequestOptions): Promise<Me>;
  /** Everything the caller owns, deleted todos included, as one document. */
  exportAccount(options?: RequestOptions): Promise<AccountExport>;
  /**
   * Deletes the account and everything it owns. Needs a token issued in the last 5 minutes:
   * otherwise a 401 `reauthentication-required` ApiProblemError (sign in again, then retry).
   */
  deleteAccount(options?: RequestOptions): Promise<void>;
  /**
   * Revokes the personal API key the client authenticates with (`todo logout`); afterwards it
   * gets 401 everywhere. With a JWT: a 404 `not-found` ApiProblemError.
   */
  revokeApiKey(options?: RequestOptions): Promise<void>;
}
