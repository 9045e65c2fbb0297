import type { RequestListener } from "node:http";
import { getRequestListener } from "@hono/node-server";
import type { Logger } from "pino";
import { appendForwardedFor } from "./forwarded-for";

type FetchHandler = (request: Request) => Promise<Response>;

/**
 * Serves a Web `Request → Response` function to Node's HTTP server through @hono/node-server,
 * which handles Node's edge cases (backpressure, aborted requests, unread bodies).
 */
export function toRequestListener(handle: FetchHandler, logger: Logger): RequestListener {
  const listener = getRequestListener((request) => handle(request), {
    // The pipeline answers every error itself; this is the last resort should it throw.
    errorHandler: (error) => {
      logger.error({ err: error }, "the request pipeline threw");
      return new Response(null, { status: 500 });
    },
  });
  return (request, response) => {
    appendForwardedFor(request);
    void listener(request, response);
  };
}
