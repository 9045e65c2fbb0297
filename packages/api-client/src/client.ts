import { labelListQuerySchema, labelListSchema, labelSchema } from "@repo/contracts/label";
import { accountExportSchema, meSchema } from "@repo/contracts/me";
import { projectListQuerySchema, projectListSchema, projectSchema } from "@repo/contracts/project";
import { todoListQuerySchema, todoListSchema, todoSchema } from "@repo/contracts/todo";
import type { Call } from "./call";
import { parseJson } from "./read-response";
import { resourceMethods } from "./resource";
import { createTransport, type TransportOptions } from "./transport";
import type { LabelMethods, ProjectMethods, TodoClient, TodoMethods } from "./types";

export type TodoClientOptions = TransportOptions;

/** A typed client of the todo API; responses are parsed with the shared contracts' schemas. */
export function createTodoClient(options: TodoClientOptions): TodoClient {
  const send = createTransport(options);
  const todos: TodoMethods = resourceMethods(send, {
    name: "todo",
    path: "/todos",
    schema: todoSchema,
    listSchema: todoListSchema,
    listQuery: todoListQuerySchema,
  });
  const { restore: _, ...labels }: LabelMethods & { restore: unknown } = resourceMethods(send, {
    name: "label",
    path: "/labels",
    schema: labelSchema,
    listSchema: labelListSchema,
    listQuery: labelListQuerySchema,
  });
  const projects: ProjectMethods = resourceMethods(send, {
    name: "project",
    path: "/projects",
    schema: projectSchema,
    listSchema: projectListSchema,
    listQuery: projectListQuerySchema,
  });

  return {
    ...todos,
    projects,
    labels,
    async me({ signal } = {}) {
      const call: Call = { method: "GET", path: "/me", signal };
      return parseJson(call, await send(call), meSchema);
    },

    async exportAccount({ signal } = {}) {
      const call: Call = { method: "GET", path: "/me/export", signal };
      return parseJson(call, await send(call), accountExportSchema);
    },

    async deleteAccount({ signal } = {}) {
      const response = await send({ method: "DELETE", path: "/me", signal });
      await response.body?.cancel();
    },

    async revokeApiKey({ signal } = {}) {
      const response = await send({ method: "DELETE", path: "/me/api-key", signal });
      await response.body?.cancel();
    },
  };
}
