// The web app's production server: Next's request handler on an HTTP server of ours, in place of
// the standalone server.js Next generates. It adds what server.js can't: the socket's address
// for Better Auth's rate limits (Next's handlers never see the socket, and server.js passes a
// client's X-Forwarded-For on as sent), and a graceful shutdown on SIGTERM.
// `pnpm --filter @repo/web build` compiles it to dist/web-host.mjs, and copies it with what it
// imports into the standalone folder (.next/standalone/apps/web/dist/web-host.mjs).
import http from "node:http";
import path from "node:path";
import { writePeerAddress } from "@repo/client-address/host";
import { createLogger, type LogLevel } from "@repo/logger";
import { shutDownGracefully } from "@repo/node-server/graceful-shutdown";
import { type HostConfig, loadHostConfig } from "@repo/node-server/host-config";
import { useBuiltNextConfig } from "@repo/node-server/next-build";
import { startTelemetryOrExit } from "@repo/telemetry/sdk";

if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });

// The app as built: the folder above dist/, in the repository or in a standalone copy.
const dir = path.resolve(import.meta.dirname, "..");
let config: HostConfig;
try {
  config = loadHostConfig(process.env, { defaultPort: 3000 });
  useBuiltNextConfig(dir);
} catch (error) {
  console.error(`Refusing to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
// Not validated here: the app's start-up (instrumentation) refuses a bad LOG_LEVEL by name.
const logger = createLogger({ level: (process.env.LOG_LEVEL || "info") as LogLevel });
// Started here rather than only by instrumentation.ts, so this server can flush it on shutdown;
// instrumentation.ts then finds it running (one SDK per process, see @repo/telemetry/sdk).
const telemetry = startTelemetryOrExit({ serviceName: "todo-web", env: process.env });
const { default: next } = await import("next");

const app = next({ dev: false, dir, hostname: config.host, port: config.port });
// Runs instrumentation.ts: the start-up line, or a refusal naming the bad variables (exit 1).
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => {
  writePeerAddress(request);
  void handle(request, response);
});
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
