import http from "node:http";
import net from "node:net";

/** Resolves true when a TCP connection to `port` is accepted, false when refused. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

// Clients that keep connections open: the server, not the client, must close them.
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 100 });

/** A POST whose body is sent in two parts: the request is in flight until `finish()`. */
export function slowCreate(port: number, bearer: string, title: string) {
  const body = JSON.stringify({ title });
  const half = Math.floor(body.length / 2);
  const request = http.request({
    host: "127.0.0.1",
    port,
    method: "POST",
    path: "/api/v1/todos",
    agent: keepAlive,
    headers: {
      authorization: `Bearer ${bearer}`,
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      // The server answers "100 Continue" once it has parsed the headers: proof the request is
      // in flight there (a connected socket is not: its headers may still be unread).
      expect: "100-continue",
    },
  });
  const response = new Promise<{ status: number; connection: string | undefined }>(
    (resolve, reject) => {
      request.once("error", reject);
      request.once("response", (res) => {
        res.resume();
        res.once("end", () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }),
        );
      });
    },
  );
  response.catch(() => {}); // awaited by the test; a host killed mid-test must not add noise
  const connected = new Promise<void>((resolve) =>
    request.once("socket", (socket) => socket.once("connect", () => resolve())),
  );
  const parsed = new Promise<void>((resolve) => request.once("continue", () => resolve()));
  request.write(body.slice(0, half));
  return { connected, parsed, response, finish: () => request.end(body.slice(half)) };
}
