// One "API instance" for two-processes.test.ts, run as its own OS process (node --import tsx):
// a limiter built from REDIS_URL, answering GET /check?policy=…&key=… with the result as JSON.
// It tells its parent the port it listens on.
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { createRateLimiter } from "../../../src/rate-limit/create-rate-limiter";
import type { PolicyName } from "../../../src/rate-limit/types";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const [requests, windowSeconds] = env("RATE_LIMIT_USER").split("/").map(Number) as [number, number];
const limiter = createRateLimiter({
  policies: {
    user: { name: "user", requests, windowSeconds },
    ip: { name: "ip", requests, windowSeconds },
  },
  store: { kind: "redis", url: env("REDIS_URL") },
  logger: pino({ level: "warn" }, pino.destination(2)),
  prefix: env("RATE_LIMIT_PREFIX"),
});

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  const result = await limiter.check(
    url.searchParams.get("policy") as PolicyName,
    url.searchParams.get("key") ?? "",
  );
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ ...result, pid: process.pid }));
});
server.listen(0, "127.0.0.1");
await once(server, "listening");
process.send?.({ port: (server.address() as AddressInfo).port });

process.once("disconnect", () => {
  server.close();
  void limiter.close().then(() => process.exit(0));
});
