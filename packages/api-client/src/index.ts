export type { Label, LabelList, LabelListParams } from "@repo/contracts/label";
export type { AccountExport, ExportedProject, ExportedTodo, Me } from "@repo/contracts/me";
export type { Color } from "@repo/contracts/palette";
export type { Problem } from "@repo/contracts/problem";
export type { Project, ProjectList, ProjectListParams } from "@repo/contracts/project";
export type { Todo, TodoList, TodoListParams } from "@repo/contracts/todo";
export { createTodoClient, type TodoClientOptions } from "./client";
export { ApiProblemError, UnexpectedResponseError } from "./errors";
export { retryAfterSeconds } from "./retry-after";
export type { FetchLike } from "./transport";
export type {
  CreateOptions,
  GetLabelResult,
  GetOptions,
  GetProjectResult,
  GetTodoResult,
  LabelInputBody,
  LabelMethods,
  LabelPatchBody,
  LabelWithEtag,
  ProjectInputBody,
  ProjectMethods,
  ProjectPatchBody,
  ProjectWithEtag,
  RequestOptions,
  TodoClient,
  TodoInputBody,
  TodoMethods,
  TodoPatchBody,
  TodoWithEtag,
  WriteOptions,
} from "./types";
