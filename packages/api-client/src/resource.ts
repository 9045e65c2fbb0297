import type { z } from "zod";
import type { Call } from "./call";
import { toSearchParams } from "./query";
import { etagOf, parseJson } from "./read-response";
import type { Send } from "./transport";
import type { RequestOptions, ResourceMethods, WithEtag, WriteOptions } from "./types";

const JSON_TYPE = "application/json";
const MERGE_PATCH = "application/merge-patch+json";

export interface ResourceSpec<Name extends string, S extends z.ZodType> {
  /** `project`: the key of the resource in a result. */
  name: Name;
  /** `/projects`, below `/api/v1`. */
  path: string;
  schema: S;
  listSchema: z.ZodType<{ data: z.output<S>[]; nextCursor: string | null }>;
  listQuery: z.ZodObject;
}

/** The methods of one resource, its responses parsed with the shared contract's schemas. */
export function resourceMethods<Name extends string, S extends z.ZodType, Params, Input, Patch>(
  send: Send,
  spec: ResourceSpec<Name, S>,
) {
  type T = z.output<S>;
  const itemPath = (id: string) => `${spec.path}/${encodeURIComponent(id)}`;
  const read = async (call: Call, response: Response) =>
    ({
      etag: etagOf(call, response),
      [spec.name]: await parseJson(call, response, spec.schema),
    }) as WithEtag<Name, T>;
  const withEtag = async (call: Call) => read(call, await send(call));
  const write =
    (method: "PUT" | "PATCH", contentType: string) =>
    (id: string, value: unknown, { ifMatch, signal }: WriteOptions = {}) =>
      withEtag({
        method,
        path: itemPath(id),
        headers: { "if-match": ifMatch },
        json: { contentType, value },
        signal,
      });

  const methods: ResourceMethods<Name, T, Params, Input, Patch> & {
    /** POST …/{id}/restore, for the resources that have it. */
    restore(id: string, options?: RequestOptions): Promise<WithEtag<Name, T>>;
  } = {
    async list(params, { signal } = {}) {
      const query = toSearchParams(spec.listQuery, params ?? {}).toString();
      const call: Call = { method: "GET", path: `${spec.path}${query ? `?${query}` : ""}`, signal };
      return parseJson(call, await send(call), spec.listSchema);
    },

    async *listAll(params, requestOptions) {
      let cursor: string | null = null;
      do {
        const page = await methods.list(
          { ...params, cursor: cursor ?? undefined } as Params,
          requestOptions,
        );
        yield* page.data;
        cursor = page.nextCursor;
      } while (cursor !== null);
    },

    create: (input, { idempotencyKey, signal } = {}) =>
      withEtag({
        method: "POST",
        path: spec.path,
        headers: { "idempotency-key": idempotencyKey },
        json: { contentType: JSON_TYPE, value: input },
        signal,
      }),

    async get(id, { ifNoneMatch, signal } = {}) {
      const call: Call = {
        method: "GET",
        path: itemPath(id),
        headers: { "if-none-match": ifNoneMatch },
        signal,
        allowNotModified: true,
      };
      const response = await send(call);
      if (response.status === 304) return { notModified: true, etag: etagOf(call, response) };
      return { notModified: false, ...(await read(call, response)) };
    },

    replace: write("PUT", JSON_TYPE),
    patch: write("PATCH", MERGE_PATCH),

    async delete(id, { ifMatch, signal } = {}) {
      const response = await send({
        method: "DELETE",
        path: itemPath(id),
        headers: { "if-match": ifMatch },
        signal,
      });
      await response.body?.cancel();
    },

    restore: (id, { signal } = {}) =>
      withEtag({ method: "POST", path: `${itemPath(id)}/restore`, signal }),
  };
  return methods;
}
