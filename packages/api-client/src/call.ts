/** One request of the client, before the transport adds the token and base URL. */
export interface Call {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Below `/api/v1`, query string included. */
  path: string;
  headers?: Record<string, string | undefined>;
  json?: { contentType: string; value: unknown };
  signal?: AbortSignal | undefined;
  /** GET with If-None-Match: a 304 is an answer, not an error. */
  allowNotModified?: boolean;
}
