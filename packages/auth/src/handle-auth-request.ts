import { clientAddressOf, type TrustedProxies } from "@repo/client-address";
import { isDatabaseUnavailable } from "@repo/db/errors";
import { describeError, type Logger } from "@repo/logger";
import { AUTH_BODY_MAX_BYTES } from "./account-limits";
import { BodyTooLargeError, readCapped } from "./read-capped";

/**
 * The header Better Auth reads the client's address from (`advanced.ipAddress`, see server.ts):
 * written here, on every request, from what @repo/client-address resolved, after removing any
 * copy the client sent. Better Auth's own reading of X-Forwarded-For (a single value, or a walk
 * over CIDRs) would disagree with the API's, and could be fed by the client.
 */
export const CLIENT_ADDRESS_HEADER = "x-todo-client-address";

// How long a client should wait before trying again when the database is unreachable.
const RETRY_AFTER_SECONDS = 5;

export interface HandleAuthRequestOptions {
  logger: Logger;
  /** Who may name the client in X-Forwarded-For (TRUSTED_PROXIES). */
  trustedProxies: TrustedProxies;
}

/**
 * `request` with CLIENT_ADDRESS_HEADER set to the resolved address, or absent when unknown, and
 * its body read (at most AUTH_BODY_MAX_BYTES: Next reads a route's body whole, however large).
 */
async function withClientAddress(
  request: Request,
  trustedProxies: TrustedProxies,
): Promise<Request> {
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  const address = clientAddressOf(request, trustedProxies);
  if (address !== undefined) headers.set(CLIENT_ADDRESS_HEADER, address);
  // Rebuilt from its parts: `new Request(request, init)` throws on the request Next hands a
  // route ("Cannot read private member #state": a Request of another copy of undici).
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(request.url, {
    method: request.method,
    headers,
    body: hasBody ? await readCapped(request, AUTH_BODY_MAX_BYTES) : null,
    signal: request.signal,
  });
}

/**
 * Better Auth's HTTP handler, with the client's address resolved as the API resolves it, and
 * its failures in the app's log. Better Auth is configured to rethrow what is not an API error
 * (`onAPIError.throw`), because otherwise its router prints that error with console.error, and a
 * drizzle error's message carries the query's bound values (a new session's token, say). Here it
 * becomes one JSON line (describeError drops the values), and a 503 with Retry-After when the
 * database is unreachable (the client may try again), else a bare 500.
 */
export function handleAuthRequest(
  auth: { handler: (request: Request) => Promise<Response> },
  { logger, trustedProxies }: HandleAuthRequestOptions,
) {
  return async (incoming: Request): Promise<Response> => {
    const path = new URL(incoming.url).pathname;
    try {
      const response = await auth.handler(await withClientAddress(incoming, trustedProxies));
      if (response.status >= 500)
        logger.error(
          { source: "better-auth", status: response.status, path },
          "auth request failed",
        );
      return response;
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return Response.json(
          { code: "PAYLOAD_TOO_LARGE", message: error.message },
          { status: 413 },
        );
      if (isDatabaseUnavailable(error)) {
        logger.warn(
          { source: "better-auth", error: describeError(error), path },
          "auth request failed: the database is unavailable",
        );
        return Response.json(
          {
            code: "SERVICE_UNAVAILABLE",
            message: "The service is unavailable; try again shortly.",
          },
          { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } },
        );
      }
      logger.error(
        { source: "better-auth", error: describeError(error), path },
        "auth request failed",
      );
      return new Response(null, { status: 500 });
    }
  };
}
