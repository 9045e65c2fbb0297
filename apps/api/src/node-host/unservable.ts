import {
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from "node:http";
import type { Duplex } from "node:stream";
import { describeError } from "@repo/logger";
import type { Logger } from "pino";

/** The pipeline, answering for `method` when the `Request` it gets cannot carry it. */
type Handle = (request: Request, method: string) => Promise<Response>;

// What fetch's Request can carry; it refuses CONNECT, TRACE and TRACK outright.
const CARRIED = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * The request as the pipeline sees it when its method (TRACE, CONNECT, PROPFIND, FROB…) or its
 * target (`*`) cannot be a `Request`: a bodiless GET with the path and headers, answered for the
 * real method, so the client gets the API's 404 or 405 problem with `Allow`.
 */
function standIn(target: string, headers: [string, string][]): Request {
  const path = target.startsWith("/") ? target : "/";
  const safe = headers.filter(([name]) => !/^(content-length|transfer-encoding|host)$/i.test(name));
  return new Request(new URL(path, "http://localhost"), { method: "GET", headers: safe });
}

const pairs = (raw: string[]): [string, string][] =>
  raw.flatMap((value, i) => (i % 2 === 0 ? [[value, raw[i + 1] ?? ""] as [string, string]] : []));

/** An HTTP/1.1 response as bytes, for sockets Node's server hands over unanswered. */
async function serialize(response: Response): Promise<Buffer> {
  const body = Buffer.from(await response.arrayBuffer());
  const head = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ""}`];
  response.headers.forEach((value, name) => {
    head.push(`${name}: ${value}`);
  });
  head.push(`content-length: ${body.length}`, "connection: close", "", "");
  return Buffer.concat([Buffer.from(head.join("\r\n")), body]);
}

/** Absolute-form targets (RFC 9112 §3.2.2: servers must accept them) become origin-form. */
function toOriginForm(request: IncomingMessage): void {
  if (!/^https?:\/\//i.test(request.url ?? "")) return;
  const target = new URL(request.url ?? "/");
  request.url = `${target.pathname}${target.search}`;
}

/** Whether the request listener must answer this request itself (see `answerUnservable`). */
const isUnservable = (request: IncomingMessage): boolean =>
  !CARRIED.has(request.method ?? "") || !request.url?.startsWith("/");

/** Answers a request `isUnservable` picked, through the pipeline. */
async function answerUnservable(
  request: IncomingMessage,
  response: ServerResponse,
  handle: Handle,
): Promise<void> {
  const answer = await handle(
    standIn(request.url ?? "/", pairs(request.rawHeaders)),
    request.method ?? "GET",
  );
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(Buffer.from(await answer.arrayBuffer()));
}

/**
 * `serve` for every request it can take; the pipeline (`answer`) for those a `Request` cannot
 * carry (see `isUnservable`). Absolute-form targets are served as their path.
 */
export function answeringUnservable(
  serve: RequestListener,
  answer: Handle,
  logger: Logger,
): RequestListener {
  return (request, response) => {
    toOriginForm(request);
    if (!isUnservable(request)) return void serve(request, response);
    answerUnservable(request, response, answer).catch((error: unknown) => {
      logger.error(
        { error: describeError(error) },
        "could not answer a request fetch cannot represent",
      );
      response.destroy();
    });
  };
}

/**
 * What Node's HTTP server would answer without any code of ours: CONNECT (the socket is handed
 * to a 'connect' listener, else closed), and request lines its parser refuses (an unknown
 * method such as FROB or a lower-case `get`: a bare 400). Both get the pipeline's problem; other
 * parse errors keep Node's own answer (400, or 431 for an oversized head).
 */
export function answerBeforeTheParser(server: Server, handle: Handle, logger: Logger): void {
  const reply = (socket: Duplex, method: string, target: string, headers: [string, string][]) =>
    handle(standIn(target, headers), method)
      .then(serialize)
      .then((bytes) => socket.end(bytes))
      .catch((error: unknown) => {
        logger.error(
          { error: describeError(error) },
          "could not answer a request Node's server refused",
        );
        socket.destroy();
      });

  server.on("connect", (request: IncomingMessage, socket: Duplex) => {
    void reply(socket, "CONNECT", request.url ?? "/", pairs(request.rawHeaders));
  });

  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket) => {
    if (!socket.writable) return socket.destroy();
    if (error.code === "HPE_INVALID_METHOD" && error.rawPacket) {
      // The request line as sent: METHOD SP target SP HTTP-version. Headers are not parsed.
      const line = error.rawPacket.toString("latin1").split("\r\n", 1)[0] ?? "";
      const [method = "", target = "/"] = line.split(" ");
      if (/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}$/.test(method))
        return void reply(socket, method, target, []);
    }
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
    const text = status === 431 ? "Request Header Fields Too Large" : "Bad Request";
    socket.end(`HTTP/1.1 ${status} ${text}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });
}
