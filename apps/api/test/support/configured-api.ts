import { handleRequest } from "../../src/app";
import type { ApiDeps } from "../../src/deps";

export interface ConfiguredCallOptions {
  json?: unknown;
  /** Sent as `Idempotency-Key`. */
  key?: string;
}

/**
 * Calls the API in-process with `deps` (a test's own configuration, e.g. a small per-user cap,
 * which no request can set), as `token`'s bearer.
 */
export const configuredApi =
  (deps: ApiDeps) =>
  (method: string, path: string, token: string, { json, key }: ConfiguredCallOptions = {}) =>
    handleRequest(
      new Request(`http://localhost:3001${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(json === undefined ? {} : { "content-type": "application/json" }),
          ...(key ? { "idempotency-key": key } : {}),
        },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      }),
      deps,
    );
