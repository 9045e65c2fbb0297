import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
}

/**
 * A real HTTP server answering from a script, for protocols the repository does not serve (yet):
 * the device-authorization endpoints, a 403 insufficient_scope. It records what it received.
 */
export async function startStandIn(answer: (request: Received) => Answer) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += String(chunk);
    });
    req.on("end", () => {
      const request = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body };
      received.push(request);
      const { status, headers = {}, json } = answer(request);
      res.writeHead(
        status,
        json === undefined ? headers : { "content-type": "application/json", ...headers },
      );
      res.end(json === undefined ? undefined : JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A problem document as the API writes one. */
export const problem = (status: number, title: string, extra: object = {}) => ({
  type: "about:blank",
  title,
  status,
  requestId: "stand-in",
  ...extra,
});
