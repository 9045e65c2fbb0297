import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startForwardingProxy } from "../forwarding-proxy";

let app: http.Server;
let proxy: http.Server;
let proxyPort: number;

const portOf = (server: http.Server) => (server.address() as net.AddressInfo).port;

beforeAll(async () => {
  // The development app: says which X-Forwarded-For it got; on an upgrade, switches protocols
  // and echoes bytes back, as the hot-reload WebSocket would carry them.
  app = http.createServer((request, response) => {
    response.end(JSON.stringify({ forwardedFor: request.headers["x-forwarded-for"] }));
  });
  app.on("upgrade", (request, socket) => {
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nX-Forwarded-For-Seen: ${request.headers["x-forwarded-for"]}\r\n\r\n`,
    );
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const free = net.createServer();
  await new Promise<void>((resolve) => free.listen(0, "127.0.0.1", resolve));
  proxyPort = (free.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => free.close(() => resolve()));
  proxy = await startForwardingProxy({ port: proxyPort, targetPort: portOf(app) });
});
afterAll(async () => {
  proxy.closeAllConnections();
  app.closeAllConnections();
  await Promise.all([proxy, app].map((s) => new Promise((resolve) => s.close(resolve))));
});

it("replaces a client's X-Forwarded-For with the address its socket came from", async () => {
  const body = await new Promise<string>((resolve, reject) => {
    http
      .get(
        `http://127.0.0.1:${proxyPort}/`,
        { localAddress: "127.0.0.9", headers: { "x-forwarded-for": "203.0.113.1" } },
        (response) => {
          let text = "";
          response.on("data", (chunk) => (text += chunk));
          response.on("end", () => resolve(text));
        },
      )
      .on("error", reject);
  });
  expect(JSON.parse(body)).toEqual({ forwardedFor: "127.0.0.9" });
});

it("forwards a WebSocket upgrade both ways (hot reload)", async () => {
  const socket = net.connect({ port: proxyPort, host: "127.0.0.1", localAddress: "127.0.0.8" });
  socket.write(
    "GET /_next/webpack-hmr HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nX-Forwarded-For: 203.0.113.1\r\n\r\n",
  );
  let received = "";
  socket.on("data", (chunk) => {
    received += chunk;
    if (received.includes("\r\n\r\n") && !received.includes("ping")) socket.write("ping");
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`got only: ${received}`)), 5_000);
    socket.on("data", () => {
      if (received.endsWith("ping")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  socket.destroy();
  expect(received).toMatch(/^HTTP\/1.1 101/);
  expect(received).toContain("X-Forwarded-For-Seen: 127.0.0.8");
});
