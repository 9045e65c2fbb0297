// The Next app on an HTTP server of ours, for containers and VMs that want the Next routes:
// `next start` without the requests its own server answers before any code of the app runs.
// Next's request handler serves everything else, proxy.ts and instrumentation.ts included.
// `pnpm --filter @repo/api build` compiles this file to dist/next-host.mjs, and copies it with
// what it imports into the standalone folder (.next/standalone/apps/api/dist/next-host.mjs).
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { writePeerAddress } from "@repo/client-address/host";
import { createLogger, type LogLevel } from "@repo/logger";
import { startTelemetryOrExit } from "@repo/telemetry/sdk";
import { handleRequest } from "../app";
import { closeAllDeps, getDeps } from "../deps";
import { shutDownGracefully } from "../node-host/graceful-shutdown";
import { type HostConfig, loadHostConfig } from "../node-host/host-config";
import { answerBeforeTheParser, answeringUnservable } from "../node-host/unservable";

// A production server, whoever starts it (Next's own standalone server.js sets this too): the
// API's configuration then requires DATABASE_URL instead of using the development database.
// (Next's types declare NODE_ENV read-only: it is set through the object.)
if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });

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
const telemetry = startTelemetryOrExit({ serviceName: "todo-api", env: process.env });

// The app as built: the folder above dist/, in the repository or in a standalone copy.
const dir = path.resolve(import.meta.dirname, "..");
let builtConfig: string;
try {
  builtConfig = JSON.stringify(
    JSON.parse(readFileSync(path.join(dir, ".next/required-server-files.json"), "utf8")).config,
  );
} catch (error) {
  console.error(
    `Refusing to start: no production build in ${dir} (run \`pnpm build\`): ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
// The configuration the build resolved, as Next's own standalone server.js hands it over: without
// it, next() loads next.config.ts, which needs the build's tools (absent from a standalone copy).
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = builtConfig;
const { default: next } = await import("next");

const app = next({
  dev: false,
  dir,
  hostname: config.host,
  port: config.port,
});
await app.prepare();
const nextHandler = app.getRequestHandler();

// Requests Next's server cannot turn into a Request (TRACE, CONNECT, unknown methods, `*`) go to
// the API's pipeline in this process: its dependencies are built on the first one.
const answer = (request: Request, method: string) => handleRequest(request, getDeps(), method);

const serve = answeringUnservable(
  (request, response) => void nextHandler(request, response),
  answer,
  logger,
);
const server = http.createServer((request, response) => {
  // The socket's address, for the `ip` rate-limit policy: Next's handlers never see the socket.
  writePeerAddress(request);
  serve(request, response);
});
answerBeforeTheParser(server, answer, logger);
// Once no request is in flight: Next's server, then every database pool and rate-limit store the
// app's modules opened (Next's route, proxy and instrumentation each hold their own), then the
// telemetry SDK, last, so it exports the spans of the requests that just finished.
const release = async () => {
  await app.close();
  const closed = await closeAllDeps();
  logger.info({ closed }, "closed the database pools and rate-limit stores");
  await telemetry?.shutdown();
};
shutDownGracefully({ server, graceMs: config.shutdownGraceMs, logger, release });

server.once("error", (error) => {
  logger.fatal({ err: error }, "the server could not start");
  process.exit(1);
});
server.listen(config.port, config.host, () => {
  logger.info({ address: server.address(), node: process.version }, "listening");
});
