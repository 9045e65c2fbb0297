import net from "node:net";
import { WebSocketServer } from "ws";

export interface WsProxy {
  port: number;
  /** WebSocket connections accepted so far. */
  readonly connections: number;
  /** The `neonConfig.wsProxy` function that routes the Neon driver through this proxy. */
  wsProxy: (host: string, port: number | string) => string;
  close(): Promise<void>;
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

/**
 * A WebSocket → TCP proxy, the local stand-in for Neon's: each WebSocket carries one Postgres
 * connection to `?address=host:port`. It lets `@neondatabase/serverless` run its real wire
 * protocol against a plain PostgreSQL. Only local addresses are allowed, and it listens on
 * loopback alone, so it can never be turned into an open relay.
 */
export async function startWsProxy(): Promise<WsProxy> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  let connections = 0;
  server.on("connection", (socket, request) => {
    connections++;
    const address = new URL(request.url ?? "/", "ws://proxy").searchParams.get("address") ?? "";
    const separator = address.lastIndexOf(":");
    const host = address.slice(0, separator);
    const port = Number(address.slice(separator + 1));
    if (!LOCAL_HOSTS.has(host) || !Number.isInteger(port)) {
      socket.close(1008, "only local databases");
      return;
    }
    const tcp = net.connect({ host, port });
    tcp.on("data", (chunk) => socket.send(chunk));
    tcp.on("close", () => socket.close());
    tcp.on("error", () => socket.close());
    socket.on("message", (data) => tcp.write(data as Buffer));
    socket.on("close", () => tcp.destroy());
    socket.on("error", () => tcp.destroy());
  });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    get connections() {
      return connections;
    },
    wsProxy: (host, dbPort) => `127.0.0.1:${port}/v1?address=${host}:${dbPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
