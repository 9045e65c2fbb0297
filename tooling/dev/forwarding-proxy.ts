// What a load balancer does in production, for `next dev`: Next's development server hands the
// handlers no socket address and passes a client's X-Forwarded-For on as sent, so `pnpm dev`
// puts this in front of each app and starts the apps with TRUSTED_PROXIES=1, as behind one
// real proxy (README, Decisions, "Client addresses").
import http from "node:http";
import net from "node:net";

/** The request's headers for the app, X-Forwarded-For replaced by the socket's address. */
function forwardedHeaders(request: http.IncomingMessage): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = { ...request.headers };
  headers["x-forwarded-for"] = request.socket.remoteAddress ?? "";
  return headers;
}

/**
 * Listens on `port` (127.0.0.1) and forwards every request, and every WebSocket upgrade (hot
 * reload), to `targetPort` on 127.0.0.1. Resolves once listening.
 */
export async function startForwardingProxy({
  port,
  targetPort,
}: {
  port: number;
  targetPort: number;
}): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: targetPort,
        method: request.method,
        path: request.url,
        headers: forwardedHeaders(request),
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(response);
      },
    );
    upstream.once("error", () => {
      // The app is still compiling or restarting: say so rather than hang.
      if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
      response.end("the development server is not answering yet\n");
    });
    request.pipe(upstream);
  });
  server.on("upgrade", (request, socket, head) => {
    const upstream = net.connect(targetPort, "127.0.0.1", () => {
      const headers = Object.entries(forwardedHeaders(request))
        .flatMap(([name, value]) =>
          (Array.isArray(value) ? value : [value]).map((v) => `${name}: ${v}`),
        )
        .join("\r\n");
      upstream.write(`${request.method} ${request.url} HTTP/1.1\r\n${headers}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    const close = () => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.once("error", close);
    socket.once("error", close);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return server;
}
