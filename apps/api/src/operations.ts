import { liveOperation, readyOperation } from "./health/operations";
import type { Operation } from "./http/operation";
import { createLabelOperation } from "./labels/operations/create-label";
import { deleteLabelOperation } from "./labels/operations/delete-label";
import { getLabelOperation } from "./labels/operations/get-label";
import { listLabelsOperation } from "./labels/operations/list-labels";
import { patchLabelOperation } from "./labels/operations/patch-label";
import { replaceLabelOperation } from "./labels/operations/replace-label";
import { deleteAccountOperation } from "./me/operations/delete-account";
import { exportAccountOperation } from "./me/operations/export-account";
import { getMeOperation } from "./me/operations/get-me";
import { revokeApiKeyOperation } from "./me/operations/revoke-api-key";
import { docsAssetOperation, docsOperation, openApiOperation } from "./openapi/reference";
import { createProjectOperation } from "./projects/operations/create-project";
import { deleteProjectOperation } from "./projects/operations/delete-project";
import { getProjectOperation } from "./projects/operations/get-project";
import { listProjectsOperation } from "./projects/operations/list-projects";
import { patchProjectOperation } from "./projects/operations/patch-project";
import { replaceProjectOperation } from "./projects/operations/replace-project";
import { restoreProjectOperation } from "./projects/operations/restore-project";
import { createTodoOperation } from "./todos/operations/create-todo";
import { deleteTodoOperation } from "./todos/operations/delete-todo";
import { getTodoOperation } from "./todos/operations/get-todo";
import { listTodosOperation } from "./todos/operations/list-todos";
import { patchTodoOperation } from "./todos/operations/patch-todo";
import { replaceTodoOperation } from "./todos/operations/replace-todo";
import { restoreTodoOperation } from "./todos/operations/restore-todo";

/**
 * Every operation of the API, in the order the OpenAPI document lists them. This list is the
 * route table and the document's source: adding an operation is its module and one line here.
 */
export const operations: readonly Operation[] = [
  listTodosOperation,
  createTodoOperation,
  getTodoOperation,
  replaceTodoOperation,
  patchTodoOperation,
  deleteTodoOperation,
  restoreTodoOperation,
  listProjectsOperation,
  createProjectOperation,
  getProjectOperation,
  replaceProjectOperation,
  patchProjectOperation,
  deleteProjectOperation,
  restoreProjectOperation,
  listLabelsOperation,
  createLabelOperation,
  getLabelOperation,
  replaceLabelOperation,
  patchLabelOperation,
  deleteLabelOperation,
  getMeOperation,
  deleteAccountOperation,
  exportAccountOperation,
  revokeApiKeyOperation,
  liveOperation,
  readyOperation,
  openApiOperation,
  docsOperation,
  docsAssetOperation,
];
