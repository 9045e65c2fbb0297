// The API on Node's own HTTP server, without Next: `pnpm --filter @repo/api build:node` compiles
// this file to dist/node-host.mjs, `start:node` runs it (containers and VMs; see the README).
import http from "node:http";
import { shutDownGracefully } from "@repo/node-server/graceful-shutdown";
import { type HostConfig, loadHostConfig } from "@repo/node-server/host-config";
import { startTelemetryOrExit } from "@repo/telemetry/sdk";
import { handleRequest } from "../app";
import { createDeps } from "../deps";
import { type ApiConfig, loadConfig } from "../env";
import { toRequestListener } from "./request-listener";
import { answerBeforeTheParser } from "./unservable";

// A production server, whoever starts it: the API's configuration then requires DATABASE_URL
// instead of using the development database.
// (Next's types declare NODE_ENV read-only: it is set through the object.)
if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });

function configure(): { api: ApiConfig; host: HostConfig } {
  const problems: string[] = [];
  const attempt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  };
  const api = attempt(() => loadConfig(process.env));
  const host = attempt(() => loadHostConfig(process.env, { defaultPort: 3001 }));
  if (!api || !host) {
    console.error(`Refusing to start: ${problems.join("\n")}`);
    process.exit(1);
  }
  return { api, host };
}

const config = configure();
// Before the dependencies: their meters and tracers are taken from the SDK this registers.
// There is no Next here to load instrumentation.ts, so the host starts it.
const telemetry = startTelemetryOrExit({ serviceName: "todo-api", env: process.env });
const deps = createDeps(config.api);
const { logger } = deps;

const handle = (request: Request, method?: string) => handleRequest(request, deps, method);
const server = http.createServer(toRequestListener(handle, logger));
answerBeforeTheParser(server, (request, method) => handle(request, method), logger);
shutDownGracefully({
  server,
  graceMs: config.host.shutdownGraceMs,
  logger,
  // The SDK last: it exports the spans and metrics of the requests drained before it.
  release: async () => {
    await deps.close();
    await telemetry?.shutdown();
  },
});

server.once("error", (error) => {
  logger.fatal({ err: error }, "the server could not start");
  process.exit(1);
});
server.listen(config.host.port, config.host.host, () => {
  logger.info({ address: server.address(), node: process.version }, "listening");
});
