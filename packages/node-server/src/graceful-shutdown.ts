import type { Server, ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import type { Logger } from "@repo/logger";

export interface GracefulShutdownOptions {
  server: Server;
  /** How long in-flight requests, then `release`, may take once a signal arrives. */
  graceMs: number;
  logger: Logger;
  /** Lets go of what the process holds (the database pool, the rate-limit store). */
  release: () => Promise<void>;
}

// How often idle keep-alive connections are closed while draining. server.close() closes those
// idle at the signal, and responses sent later say `Connection: close`; this catches a response
// whose headers had gone out (keep-alive) before the signal, once it ends.
const SWEEP_MS = 50;

/**
 * On SIGTERM or SIGINT: stop accepting connections, let the requests in flight finish (their
 * responses and any that still arrive on open connections say `Connection: close`), close
 * keep-alive connections as they fall idle, release the dependencies, exit 0. Exits 1 if that
 * takes longer than the grace period.
 */
export function shutDownGracefully({ server, graceMs, logger, release }: GracefulShutdownOptions) {
  const inFlight = new Set<ServerResponse>();
  let draining = false;

  // Prepended, so it runs before the adapter writes anything.
  server.prependListener("request", (_request, response: ServerResponse) => {
    inFlight.add(response);
    response.once("close", () => inFlight.delete(response));
    if (draining) response.setHeader("Connection", "close");
  });

  // @repo/logger writes each line synchronously: by now every line is out, in order.
  const exit = (code: number) => process.exit(code);

  const drain = async (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const response of inFlight)
      if (!response.headersSent) response.setHeader("Connection", "close");
    const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS);
    // Logged once the listening socket is closed: from this line on, connections are refused.
    logger.info({ signal, inFlight: inFlight.size, graceMs }, "shutting down");

    const done = closed.then(release).then(() => "done" as const);
    const deadline = delay(graceMs, "timeout" as const, { ref: false });
    try {
      if ((await Promise.race([done, deadline])) === "timeout") {
        logger.error(
          { inFlight: inFlight.size, graceMs },
          "shutdown grace period ran out: exiting with requests unanswered",
        );
        return exit(1);
      }
    } catch (error) {
      logger.error({ err: error }, "shutdown failed");
      return exit(1);
    } finally {
      clearInterval(sweep);
    }
    logger.info("stopped");
    exit(0);
  };

  process.on("SIGTERM", drain);
  process.on("SIGINT", drain);
}
