import { once } from "node:events";
import net from "node:net";

export interface TcpProxy {
  /** The proxy's own port on 127.0.0.1: point the client here instead of at the target. */
  port: number;
  /** Every chunk, either way, is forwarded this many ms after it arrived (0: at once). */
  setLatency(ms: number): void;
  /** Holds every byte, either way, on current and new connections, until `resume()`. */
  pause(): void;
  /** Forwards what was held (in order) and what comes next. */
  resume(): void;
  /** Destroys every current connection on both sides, as a network cut or a crashed peer would. */
  cutAll(): void;
  /** Connections open right now. */
  connections(): number;
  close(): Promise<void>;
}

interface Held {
  chunk: Buffer;
  dueAt: number;
}

/**
 * One direction of one connection: chunks queue with the time they may leave, and leave in
 * arrival order, never before their time, never while paused.
 */
class Pipe {
  private readonly queue: Held[] = [];
  private timer: NodeJS.Timeout | undefined;
  private waitingForDrain = false;

  constructor(
    private readonly to: net.Socket,
    private readonly proxy: { paused: boolean },
  ) {}

  push(chunk: Buffer, latencyMs: number): void {
    this.queue.push({ chunk, dueAt: Date.now() + latencyMs });
    this.pump();
  }

  pump(): void {
    if (this.proxy.paused || this.waitingForDrain || this.to.destroyed) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    for (let head = this.queue[0]; head; head = this.queue[0]) {
      const wait = head.dueAt - Date.now();
      if (wait > 0) {
        this.timer = setTimeout(() => this.pump(), wait);
        return;
      }
      this.queue.shift();
      if (!this.to.write(head.chunk)) {
        // The receiver is slow: hold the rest here rather than in the socket's buffer.
        this.waitingForDrain = true;
        this.to.once("drain", () => {
          this.waitingForDrain = false;
          this.pump();
        });
        return;
      }
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    this.queue.length = 0;
  }
}

/**
 * A TCP proxy on 127.0.0.1 that can slow down, stall and cut the traffic to `target`: the
 * slow-database scenario puts it between the API and PostgreSQL.
 */
export async function startTcpProxy(target: { host?: string; port: number }): Promise<TcpProxy> {
  const state = { paused: false, latencyMs: 0 };
  const open = new Set<{ pipes: Pipe[]; end: () => void }>();

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host ?? "127.0.0.1");
    const up = new Pipe(upstream, state);
    const down = new Pipe(client, state);
    const end = () => {
      if (!open.delete(connection)) return;
      up.stop();
      down.stop();
      client.destroy();
      upstream.destroy();
    };
    const connection = { pipes: [up, down], end };
    open.add(connection);
    client.on("data", (chunk: Buffer) => up.push(chunk, state.latencyMs));
    upstream.on("data", (chunk: Buffer) => down.push(chunk, state.latencyMs));
    // Either side closing or failing closes both: the proxy never half-holds a connection (bytes
    // still held for the other side are dropped, as a cut would drop them).
    for (const socket of [client, upstream]) {
      socket.on("error", end);
      socket.on("close", end);
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as net.AddressInfo;

  const everyPipe = () => [...open].flatMap((connection) => connection.pipes);
  const cutAll = () => {
    for (const connection of [...open]) connection.end();
  };
  return {
    port,
    setLatency(ms) {
      state.latencyMs = Math.max(0, ms);
    },
    pause() {
      state.paused = true;
    },
    resume() {
      state.paused = false;
      for (const pipe of everyPipe()) pipe.pump();
    },
    cutAll,
    connections: () => open.size,
    async close() {
      cutAll();
      server.close();
      await once(server, "close");
    },
  };
}
