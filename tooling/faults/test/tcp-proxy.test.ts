import { once } from "node:events";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "../src/tcp-proxy";

// An echo server in this process stands in for PostgreSQL: what goes through comes back.
async function startEcho() {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    socket.pipe(socket);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, "close");
    },
  };
}

async function connect(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  await once(socket, "connect");
  let received = "";
  socket.on("data", (chunk: Buffer) => {
    received += chunk.toString("utf8");
  });
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.on("error", () => {});
  /** Resolves with the time it took until `text` came back in full, or rejects after `withinMs`. */
  const echoed = (text: string, withinMs = 2_000) =>
    new Promise<number>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (received.includes(text)) {
          clearInterval(poll);
          resolve(Date.now() - started);
        } else if (Date.now() - started > withinMs) {
          clearInterval(poll);
          reject(new Error(`"${text}" did not come back within ${withinMs} ms`));
        }
      }, 5);
    });
  return { socket, echoed, closed, received: () => received };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function proxyToEcho(): Promise<TcpProxy> {
  const echo = await startEcho();
  cleanups.push(echo.close);
  const proxy = await startTcpProxy({ port: echo.port });
  cleanups.push(proxy.close);
  return proxy;
}

describe("tcp-proxy", () => {
  it("forwards bytes both ways unchanged", async () => {
    const proxy = await proxyToEcho();
    const client = await connect(proxy.port);
    cleanups.push(async () => void client.socket.destroy());
    client.socket.write("hello through the proxy");
    await client.echoed("hello through the proxy");
    expect(proxy.connections()).toBe(1);
  });

  it("delays each chunk by the latency, each way", async () => {
    const proxy = await proxyToEcho();
    proxy.setLatency(150);
    const client = await connect(proxy.port);
    cleanups.push(async () => void client.socket.destroy());
    client.socket.write("slow");
    // Out and back: at least twice the latency, well under the 2 s a stall would take.
    const took = await client.echoed("slow");
    expect(took).toBeGreaterThanOrEqual(280);
    expect(took).toBeLessThan(1_500);
  });

  it("holds every byte while paused and delivers them in order on resume", async () => {
    const proxy = await proxyToEcho();
    const client = await connect(proxy.port);
    cleanups.push(async () => void client.socket.destroy());
    proxy.pause();
    client.socket.write("one,");
    client.socket.write("two,");
    await expect(client.echoed("one,", 300)).rejects.toThrow(/did not come back/);
    proxy.resume();
    await client.echoed("one,two,");
  });

  it("holds the bytes of connections opened while paused", async () => {
    const proxy = await proxyToEcho();
    proxy.pause();
    const client = await connect(proxy.port);
    cleanups.push(async () => void client.socket.destroy());
    client.socket.write("late");
    await expect(client.echoed("late", 300)).rejects.toThrow(/did not come back/);
    proxy.resume();
    await client.echoed("late");
  });

  it("cuts every open connection, and accepts new ones afterwards", async () => {
    const proxy = await proxyToEcho();
    const first = await connect(proxy.port);
    const second = await connect(proxy.port);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.connections()).toBe(2);
    proxy.cutAll();
    await Promise.all([first.closed, second.closed]);
    expect(proxy.connections()).toBe(0);
    const third = await connect(proxy.port);
    cleanups.push(async () => void third.socket.destroy());
    third.socket.write("after the cut");
    await third.echoed("after the cut");
  });
});
