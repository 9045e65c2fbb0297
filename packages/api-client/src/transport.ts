import type { Call } from "./call";
import { ApiProblemError } from "./errors";
import { toError } from "./read-response";

/** The part of `fetch` the client uses; `globalThis.fetch` fits, and so does an in-process router. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** The API's origin (plus any path prefix in front of `/api/v1`), e.g. `http://localhost:3001`. */
  baseUrl: string;
  /** Called before every request (a retry included), so a refreshed token is picked up. */
  getToken: () => string | Promise<string>;
  /** Defaults to `globalThis.fetch`, looked up at call time. */
  fetch?: FetchLike;
  /**
   * Called when a request gets a 401 problem; once it resolves, the request is retried once with
   * a fresh `getToken()`. A second 401, or any 401 without this hook, throws ApiProblemError.
   * An error thrown by the hook propagates instead.
   */
  onUnauthorized?: (error: ApiProblemError) => void | Promise<void>;
}

export type Send = (call: Call) => Promise<Response>;

/** Sends calls with the caller's token; a non-2xx answer becomes an error, a 401 may retry once. */
export function createTransport(options: TransportOptions): Send {
  const root = `${options.baseUrl.replace(/\/+$/, "")}/api/v1`;
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  const attempt = async (call: Call) => {
    const headers = new Headers({ accept: "application/json" });
    for (const [name, value] of Object.entries(call.headers ?? {}))
      if (value !== undefined) headers.set(name, value);
    if (call.json) headers.set("content-type", call.json.contentType);
    headers.set("authorization", `Bearer ${await options.getToken()}`);
    const init: RequestInit = { method: call.method, headers };
    // A string body, so the 401 retry can send it again.
    if (call.json) init.body = JSON.stringify(call.json.value);
    if (call.signal) init.signal = call.signal;
    return fetchFn(`${root}${call.path}`, init);
  };

  return async (call) => {
    let response = await attempt(call);
    if (response.status === 401 && options.onUnauthorized) {
      const error = await toError(call, response);
      if (!(error instanceof ApiProblemError)) throw error;
      await options.onUnauthorized(error);
      response = await attempt(call);
    }
    if (response.ok || (call.allowNotModified && response.status === 304)) return response;
    throw await toError(call, response);
  };
}
