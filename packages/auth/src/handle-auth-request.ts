import { describeError, type Logger } from "@repo/logger";

/**
 * Better Auth's HTTP handler, with its failures in the app's log. Better Auth is configured to
 * rethrow what is not an API error (`onAPIError.throw`), because otherwise its router prints that
 * error with console.error, and a drizzle error's message carries the query's bound values (a new
 * session's token, say). Here it becomes one JSON line (describeError drops the values) and a
 * bare 500.
 */
export function handleAuthRequest(
  auth: { handler: (request: Request) => Promise<Response> },
  logger: Logger,
) {
  return async (request: Request): Promise<Response> => {
    try {
      const response = await auth.handler(request);
      if (response.status >= 500)
        logger.error(
          { source: "better-auth", status: response.status, path: new URL(request.url).pathname },
          "auth request failed",
        );
      return response;
    } catch (error) {
      logger.error(
        { source: "better-auth", error: describeError(error), path: new URL(request.url).pathname },
        "auth request failed",
      );
      return new Response(null, { status: 500 });
    }
  };
}
