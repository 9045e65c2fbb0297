import type { RequestListener } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { writePeerAddress } from "@repo/client-address/host";
import { describeError } from "@repo/logger";
import type { Logger } from "pino";
import { answeringUnservable } from "./unservable";

/** The pipeline; `method` overrides the request's when a `Request` cannot carry the real one. */
type FetchHandler = (request: Request, method?: string) => Promise<Response>;

/**
 * Serves a Web `Request → Response` function to Node's HTTP server through @hono/node-server,
 * which handles Node's edge cases (backpressure, aborted requests, unread bodies).
 */
export function toRequestListener(handle: FetchHandler, logger: Logger): RequestListener {
  const listener = getRequestListener((request) => handle(request), {
    // The pipeline answers every error itself; this is the last resort should it throw.
    errorHandler: (error) => {
      logger.error({ error: describeError(error) }, "the request pipeline threw");
      return new Response(null, { status: 500 });
    },
  });
  const serve = answeringUnservable(
    (request, response) => void listener(request, response),
    (request, method) => handle(request, method),
    logger,
  );
  return (request, response) => {
    writePeerAddress(request);
    serve(request, response);
  };
}
