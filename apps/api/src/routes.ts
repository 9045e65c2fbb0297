import { liveHandler, readyHandler } from "./health/handlers";
import { ApiError } from "./http/problem";
import { authedRoute, METHODS, publicRoute } from "./http/route";
import { meHandler } from "./me/handler";
import { docsAssetHandler, docsHandler, openApiHandler } from "./openapi/handlers";
import { createTodoHandler } from "./todos/handlers/create";
import {
  deleteTodoHandler,
  getTodoHandler,
  patchTodoHandler,
  replaceTodoHandler,
  restoreTodoHandler,
} from "./todos/handlers/item";
import { listTodosHandler } from "./todos/handlers/list";

/** Every route of the API. The Next route files under app/ adapt these, one file each. */
export const routes = {
  todos: authedRoute("/api/v1/todos", { GET: listTodosHandler, POST: createTodoHandler }),
  todo: authedRoute("/api/v1/todos/{id}", {
    GET: getTodoHandler,
    PUT: replaceTodoHandler,
    PATCH: patchTodoHandler,
    DELETE: deleteTodoHandler,
  }),
  restore: authedRoute("/api/v1/todos/{id}/restore", { POST: restoreTodoHandler }),
  me: authedRoute("/api/v1/me", { GET: meHandler }),
  health: publicRoute("/api/health", { GET: liveHandler }),
  ready: publicRoute("/api/health/ready", { GET: readyHandler }),
  openapi: publicRoute("/api/v1/openapi.json", { GET: openApiHandler }),
  docs: publicRoute("/api/v1/docs", { GET: docsHandler }),
  docsAsset: publicRoute("/api/v1/docs/{asset}", { GET: docsAssetHandler }),
};

const notFound = async (): Promise<never> => {
  throw new ApiError("not-found", "No such route.");
};

/** Any other path under /api/v1: a problem+json 404 for every method, with or without a token. */
export const unknownRoute = publicRoute(
  "/api/v1/*",
  Object.fromEntries(METHODS.map((method) => [method, notFound])),
);
