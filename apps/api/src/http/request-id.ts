import { randomUUID } from "node:crypto";
import { REQUEST_ID as CLIENT_ID } from "@repo/contracts/problem";

/** The client's X-Request-Id when it is safe to echo and log, else a new one. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && CLIENT_ID.test(given) ? given : randomUUID();
}
