export type { AccountExport, ExportedTodo, Me } from "@repo/contracts/me";
export type { Problem } from "@repo/contracts/problem";
export type { Todo, TodoList, TodoListParams } from "@repo/contracts/todo";
export { createTodoClient, type TodoClientOptions } from "./client";
export { ApiProblemError, UnexpectedResponseError } from "./errors";
export type { FetchLike } from "./transport";
export type {
  CreateOptions,
  GetOptions,
  GetTodoResult,
  RequestOptions,
  TodoClient,
  TodoInputBody,
  TodoPatchBody,
  TodoWithEtag,
  WriteOptions,
} from "./types";
