import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { type Command, CommandError, createCommandRunner, type Reply } from "./commands";

export interface UpstashBridgeOptions {
  /** The real Redis to speak to, e.g. redis://127.0.0.1:6379. */
  redisUrl: string;
  /** The bearer token clients must send (UPSTASH_REDIS_REST_TOKEN). */
  token: string;
  /** 0 or unset: any free port. */
  port?: number;
}

export interface UpstashBridge {
  /** UPSTASH_REDIS_REST_URL for clients. */
  url: string;
  close(): Promise<void>;
}

/**
 * Upstash's REST protocol in front of a real Redis, so @upstash/redis (and @upstash/ratelimit
 * on it) run unmodified without an Upstash account: POST `/` with a command array, `/pipeline`
 * and `/multi-exec` with an array of them; `Authorization: Bearer <token>`; `{result}` or
 * `{error}`; with `Upstash-Encoding: base64` (@upstash/redis's default), string results are
 * base64. Listens on 127.0.0.1 only: it is a development tool.
 */
export async function startUpstashBridge({
  redisUrl,
  token,
  port = 0,
}: UpstashBridgeOptions): Promise<UpstashBridge> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    // While Redis is away, requests get an error at once (as from Upstash when it is down)
    // instead of waiting for a reconnection; it reconnects by itself at least every second.
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  let lastError: Error | undefined;
  redis.on("error", (error: Error) => {
    lastError = error; // requests meanwhile get errors of their own
  });
  // A wrong REDIS_URL fails here, with the connection's error, rather than on every request.
  await redis.connect().catch((error: unknown) => {
    redis.disconnect();
    throw new Error(
      `Cannot reach Redis at ${redacted(redisUrl)}: ${(lastError ?? (error as Error)).message}`,
    );
  });
  const runner = createCommandRunner(redis);
  const expected = digest(`Bearer ${token}`);

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const redisError = error instanceof CommandError || (error as Error)?.name === "ReplyError";
      send(response, redisError ? 400 : 500, { error: (error as Error)?.message ?? "ERR" });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (!timingSafeEqual(digest(request.headers.authorization ?? ""), expected))
      return send(response, 401, { error: "Unauthorized" });
    if (request.method !== "POST") return send(response, 405, { error: "ERR POST only" });
    const base64 = request.headers["upstash-encoding"]?.toString().toLowerCase() === "base64";
    const body = await readJson(request);
    const path = request.url?.split("?")[0];
    switch (path) {
      case "/": {
        const result = await runner.single(asCommand(body));
        return send(response, 200, { result: encode(result, base64) });
      }
      case "/pipeline":
      case "/multi-exec": {
        if (!Array.isArray(body) || body.length === 0)
          throw new CommandError("ERR the body must be a non-empty array of commands");
        const replies = await runner.batch(body.map(asCommand), path === "/multi-exec");
        return send(
          response,
          200,
          replies.map((reply) => encodeReply(reply, base64)),
        );
      }
      default:
        return send(response, 404, { error: "ERR unknown path" });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const { port: actual } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${actual}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (redis.status === "ready") await redis.quit();
      else redis.disconnect();
    },
  };
}

/** The URL without its password, for messages. */
export function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

const digest = (value: string) => createHash("sha256").update(value).digest();

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new CommandError("ERR the body is not JSON");
  }
}

/** A command is a non-empty array of strings (numbers and booleans are sent as text). */
function asCommand(value: unknown): Command {
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((arg) => ["string", "number", "boolean"].includes(typeof arg));
  if (!valid) throw new CommandError("ERR a command is a non-empty array of strings");
  return value.map(String);
}

/** Redis replies come as Buffers (callBuffer): text, or base64 when the client asked for it. */
function encode(value: unknown, base64: boolean): unknown {
  if (Buffer.isBuffer(value)) return value.toString(base64 ? "base64" : "utf8");
  if (Array.isArray(value)) return value.map((item) => encode(item, base64));
  return value;
}

const encodeReply = (reply: Reply, base64: boolean): Reply =>
  "result" in reply ? { result: encode(reply.result, base64) } : reply;
