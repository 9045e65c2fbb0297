import type { AccountExport, Me } from "@repo/contracts/me";
import type {
  Todo,
  TodoList,
  TodoListParams,
  todoInputSchema,
  todoPatchSchema,
} from "@repo/contracts/todo";
import type { z } from "zod";

/** POST /todos and PUT /todos/{id} bodies, as the caller writes them (defaults not yet applied). */
export type TodoInputBody = z.input<typeof todoInputSchema>;
/** PATCH /todos/{id} bodies (JSON Merge Patch). */
export type TodoPatchBody = z.input<typeof todoPatchSchema>;

/** A todo with the ETag it came with: pass `etag` as `ifMatch` for a conditional write. */
export interface TodoWithEtag {
  todo: Todo;
  etag: string;
}

/** GET /todos/{id}: the todo, or on a 304 (`ifNoneMatch` was current) only the tag. */
export type GetTodoResult =
  | ({ notModified: false } & TodoWithEtag)
  | { notModified: true; etag: string };

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

/** The todo API v1, one method per route. Every method rejects with ApiProblemError on a problem. */
export interface TodoClient {
  list(params?: TodoListParams, options?: RequestOptions): Promise<TodoList>;
  /** Every matching todo, page by page, following `nextCursor` (`limit` sets the page size). */
  listAll(params?: Omit<TodoListParams, "cursor">, options?: RequestOptions): AsyncGenerator<Todo>;
  create(input: TodoInputBody, options?: CreateOptions): Promise<TodoWithEtag>;
  get(id: string, options?: GetOptions): Promise<GetTodoResult>;
  replace(id: string, input: TodoInputBody, options?: WriteOptions): Promise<TodoWithEtag>;
  patch(id: string, patch: TodoPatchBody, options?: WriteOptions): Promise<TodoWithEtag>;
  delete(id: string, options?: WriteOptions): Promise<void>;
  restore(id: string, options?: RequestOptions): Promise<TodoWithEtag>;
  me(options?: RequestOptions): Promise<Me>;
  /** Everything the caller owns, deleted todos included, as one document. */
  exportAccount(options?: RequestOptions): Promise<AccountExport>;
  /**
   * Deletes the account and everything it owns. Needs a token issued in the last 5 minutes:
   * otherwise a 401 `reauthentication-required` ApiProblemError (sign in again, then retry).
   */
  deleteAccount(options?: RequestOptions): Promise<void>;
}
