import { accountExportSchema, meSchema } from "@repo/contracts/me";
import { todoListSchema, todoSchema } from "@repo/contracts/todo";
import type { Call } from "./call";
import { toSearchParams } from "./query";
import { etagOf, parseJson } from "./read-response";
import { createTransport, type TransportOptions } from "./transport";
import type { TodoClient, TodoWithEtag } from "./types";

export type TodoClientOptions = TransportOptions;

const JSON_TYPE = "application/json";
const MERGE_PATCH = "application/merge-patch+json";

const todoPath = (id: string) => `/todos/${encodeURIComponent(id)}`;

async function readTodo(call: Call, response: Response): Promise<TodoWithEtag> {
  return { etag: etagOf(call, response), todo: await parseJson(call, response, todoSchema) };
}

/** A typed client of the todo API; responses are parsed with the shared contracts' schemas. */
export function createTodoClient(options: TodoClientOptions): TodoClient {
  const send = createTransport(options);

  const todoWithEtag = async (call: Call) => readTodo(call, await send(call));

  const client: TodoClient = {
    async list(params, { signal } = {}) {
      const query = toSearchParams(params).toString();
      const call: Call = { method: "GET", path: `/todos${query ? `?${query}` : ""}`, signal };
      return parseJson(call, await send(call), todoListSchema);
    },

    async *listAll(params, requestOptions) {
      let cursor: string | null = null;
      do {
        const page = await client.list({ ...params, cursor: cursor ?? undefined }, requestOptions);
        yield* page.data;
        cursor = page.nextCursor;
      } while (cursor !== null);
    },

    create: (input, { idempotencyKey, signal } = {}) =>
      todoWithEtag({
        method: "POST",
        path: "/todos",
        headers: { "idempotency-key": idempotencyKey },
        json: { contentType: JSON_TYPE, value: input },
        signal,
      }),

    async get(id, { ifNoneMatch, signal } = {}) {
      const call: Call = {
        method: "GET",
        path: todoPath(id),
        headers: { "if-none-match": ifNoneMatch },
        signal,
        allowNotModified: true,
      };
      const response = await send(call);
      if (response.status === 304) return { notModified: true, etag: etagOf(call, response) };
      return { notModified: false, ...(await readTodo(call, response)) };
    },

    replace: (id, input, { ifMatch, signal } = {}) =>
      todoWithEtag({
        method: "PUT",
        path: todoPath(id),
        headers: { "if-match": ifMatch },
        json: { contentType: JSON_TYPE, value: input },
        signal,
      }),

    patch: (id, patch, { ifMatch, signal } = {}) =>
      todoWithEtag({
        method: "PATCH",
        path: todoPath(id),
        headers: { "if-match": ifMatch },
        json: { contentType: MERGE_PATCH, value: patch },
        signal,
      }),

    async delete(id, { ifMatch, signal } = {}) {
      const response = await send({
        method: "DELETE",
        path: todoPath(id),
        headers: { "if-match": ifMatch },
        signal,
      });
      await response.body?.cancel();
    },

    restore: (id, { signal } = {}) =>
      todoWithEtag({ method: "POST", path: `${todoPath(id)}/restore`, signal }),

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
  };
  return client;
}
