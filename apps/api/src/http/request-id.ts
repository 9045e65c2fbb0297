import { randomUUID } from "node:crypto";

const CLIENT_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The client's X-Request-Id when it is safe to echo and log, else a new one. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && CLIENT_ID.test(given) ? given : randomUUID();
}
