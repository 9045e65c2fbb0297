import { Pool as NeonPool, neonConfig } from "@neondatabase/serverless";
import type { Tracer } from "@opentelemetry/api";
import { drizzle as drizzleNeon } from "drizzle-orm/neon-serverless";
import { drizzle as drizzlePg, type NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema";
import { tracePool } from "./tracing";

export type Schema = typeof schema;
/**
 * The one database type the rest of the code sees, whichever driver is behind it. Raw results
 * are typed as node-postgres's `QueryResult`: Neon's Pool is a drop-in for pg's and returns
 * the same shape (`rows`, `rowCount`, `fields`).
 */
export type Database = PgDatabase<NodePgQueryResultHKT, Schema>;

export type Driver = "neon" | "tcp";

/** How the Neon driver reaches Postgres when it is not Neon's own proxy (tests, local stand-ins). */
export interface NeonSocketOptions {
  /** Maps the database host and port to a WebSocket proxy address (without scheme). */
  wsProxy: (host: string, port: number | string) => string;
  useSecureWebSocket: boolean;
}

export interface DatabaseOptions {
  /**
   * A Postgres URL. No default here: each app's env.ts decides (in development, the embedded
   * server's `embeddedDatabaseUrl()` from `@repo/db/embedded-url`; in production, none).
   */
  url: string;
  /** Overrides the choice made from the URL's host. */
  driver?: Driver;
  /** Connections per process. */
  max?: number;
  neon?: NeonSocketOptions;
  /** A span per query (see tracing.ts); unset, the pool is used as is, at no cost. */
  tracer?: Tracer;
}

/** The pool's connections right now, for the pool gauges. */
export interface PoolStats {
  /** Open connections (in use and idle). */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

export interface DatabaseClient {
  db: Database;
  driver: Driver;
  poolStats(): PoolStats;
  close(): Promise<void>;
}

interface ClosablePool {
  on(event: "error", listener: (error: Error) => void): unknown;
  on(
    event: "connect",
    listener: (client: { on(event: "error", listener: (error: Error) => void): unknown }) => void,
  ): unknown;
  end(): Promise<void>;
}

/**
 * How long the database may take, in milliseconds. A stalled server or network otherwise holds a
 * request (and a pool connection) for as long as the stall lasts: these end it with an error the
 * API answers as 503 (errors.ts). Each can be overridden in DATABASE_URL's query string
 * (`?statement_timeout=10000`), which pg reads over these.
 */
export const DATABASE_TIMEOUTS = {
  /** Opening a connection (TCP, TLS and start-up). */
  connectionTimeoutMillis: 3_000,
  /** The server cancels a statement running longer (SQLSTATE 57014). TCP driver only. */
  statement_timeout: 4_000,
  /** The client gives up on an answer (a dead network, a paused server): a little longer. */
  query_timeout: 5_000,
  /**
   * The server ends a session idle inside a transaction: a client that stalled mid-transaction
   * would otherwise keep its locks (an idempotency key's advisory lock). TCP driver only.
   */
  idle_in_transaction_session_timeout: 10_000,
} as const;

interface CountedPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}
const statsOf = (pool: CountedPool) => (): PoolStats => ({
  total: pool.totalCount,
  idle: pool.idleCount,
  waiting: pool.waitingCount,
});

/** Neon's hosts (`*.neon.tech`, and `*.neon.build` for its staging) get the serverless driver. */
export function isNeonUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return /(^|\.)neon\.(tech|build)$/.test(host);
}

export function createDatabase(options: DatabaseOptions): DatabaseClient {
  const { url } = options;
  const driver = options.driver ?? (isNeonUrl(url) ? "neon" : "tcp");
  const max = options.max ?? 10;

  if (driver === "neon") {
    // Node 24's global WebSocket (undici's) is what the driver uses when no constructor is set:
    // the `ws` package is no longer needed at run time.
    if (options.neon) {
      neonConfig.wsProxy = options.neon.wsProxy;
      neonConfig.useSecureWebSocket = options.neon.useSecureWebSocket;
      // A plain Postgres behind a generic WebSocket proxy cannot take the pipelined startup
      // Neon's own proxy accepts ("invalid frontend message type 112").
      neonConfig.pipelineConnect = false;
      neonConfig.pipelineTLS = false;
    }
    // The server-side timeouts are start-up parameters, which Neon's pooled endpoint (PgBouncer)
    // may refuse; the client-side ones apply.
    const pool = new NeonPool({
      connectionString: url,
      max,
      connectionTimeoutMillis: DATABASE_TIMEOUTS.connectionTimeoutMillis,
      query_timeout: DATABASE_TIMEOUTS.query_timeout,
    });
    return clientOn(pool, driver, options.tracer, (client) => drizzleNeon({ client, schema }));
  }

  const pool = new pg.Pool({ connectionString: url, max, keepAlive: true, ...DATABASE_TIMEOUTS });
  return clientOn(pool, driver, options.tracer, (client) => drizzlePg({ client, schema }));
}

/** What both drivers' pools get alike: client errors muted, tracing, stats, close. */
function clientOn<P extends Parameters<typeof tracePool>[0] & CountedPool & ClosablePool>(
  pool: P,
  driver: Driver,
  tracer: Tracer | undefined,
  drizzleOn: (client: P) => Database,
): DatabaseClient {
  // A client's error (the server shut down, the connection was cut) is reported by the query
  // that uses it next. The pool listens on idle clients only: a client checked out (a drizzle
  // transaction) with no listener of its own would turn the error into an uncaught exception
  // and end the process.
  pool.on("error", () => {});
  pool.on("connect", (connection) => connection.on("error", () => {}));
  const client = tracer ? tracePool(pool, tracer) : pool;
  return { db: drizzleOn(client), driver, poolStats: statsOf(pool), close: () => pool.end() };
}
