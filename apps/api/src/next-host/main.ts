// The Next app on an HTTP server of ours, for containers and VMs that want the Next routes:
// `next start` without the requests its own server answers before any code of the app runs.
// Next's request handler serves everything else, proxy.ts and instrumentation.ts included.
// `pnpm --filter @repo/api build` compiles this file to dist/next-host.mjs.
import http from "node:http";
import path from "node:path";
import { createLogger, type LogLevel } from "@repo/logger";
import { startTelemetry } from "@repo/telemetry/sdk";
import next from "next";
import { handleRequest } from "../app";
import { getDeps } from "../deps";
import { shutDownGracefully } from "../node-host/graceful-shutdown";
import { type HostConfig, loadHostConfig } from "../node-host/host-config";
import { answerBeforeTheParser, answeringUnservable } from "../node-host/unservable";

let config: HostConfig;
try {
  config = loadHostConfig(process.env);
} catch (error) {
  console.error(`Refusing to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
// Not validated here: instrumentation's getDeps() refuses a bad LOG_LEVEL by name, and pino,
// given one first, throws naming it.
const logger = createLogger({ level: (process.env.LOG_LEVEL || "info") as LogLevel });
// Started here rather than only by instrumentation.ts, so this server can flush it on shutdown;
// instrumentation.ts then finds it running (one SDK per process, see @repo/telemetry/sdk).
const telemetry = startTelemetry({ serviceName: "todo-api", env: process.env });

const app = next({
  dev: false,
  dir: path.resolve(import.meta.dirname, ".."),
  hostname: config.host,
  port: config.port,
});
await app.prepare();
const nextHandler = app.getRequestHandler();

// Requests Next's server cannot turn into a Request (TRACE, CONNECT, unknown methods, `*`) go to
// the API's pipeline in this process: its dependencies are built on the first one.
const answer = (request: Request, method: string) => handleRequest(request, getDeps(), method);

const server = http.createServer(
  answeringUnservable((request, response) => void nextHandler(request, response), answer, logger),
);
answerBeforeTheParser(server, answer, logger);
shutDownGracefully({
  server,
  graceMs: config.shutdownGraceMs,
  logger,
  release: async () => {
    await app.close();
    await telemetry?.shutdown();
  },
});

server.once("error", (error) => {
  logger.fatal({ err: error }, "the server could not start");
  process.exit(1);
});
server.listen(config.port, config.host, () => {
  logger.info({ address: server.address(), node: process.version }, "listening");
});
