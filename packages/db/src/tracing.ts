import { type Attributes, SpanKind, SpanStatusCode, type Tracer } from "@opentelemetry/api";

// Spans for queries are made here, around the pool drizzle is given, rather than by a
// require-hook instrumentation of `pg`: the API's Node host is one esbuild bundle and Next
// bundles the route code too, so hooks on `require("pg")` see a module that is not the one in
// use (or none). Wrapping the pool works whichever way the code was loaded, for both drivers.

/** The part of a pg (or Neon) pool and client this wraps. */
interface Queryable {
  query(...args: unknown[]): unknown;
}
interface Connectable extends Queryable {
  connect(...args: unknown[]): unknown;
}

const OPERATION =
  /^\s*\(?\s*(select|insert|update|delete|with|begin|commit|rollback|savepoint|release|set|show)\b/i;
const TARGET = /\b(?:from|into|update)\s+"([\w$]+)"/i;

/**
 * The SQL text when it carries no value: drizzle sends values as `$n` parameters, so the text
 * holds identifiers and keywords only. A text with a string, a number or a dollar-quoted body
 * left after removing quoted identifiers and placeholders (e.g. `sql.raw`, a literal in a
 * template) is not recorded. Parameters are never recorded.
 */
export function valueFreeSql(text: string): string | undefined {
  const rest = text.replace(/"(?:[^"]|"")*"/g, "").replace(/\$\d+/g, "");
  return /['$\d]/.test(rest) ? undefined : text;
}

/**
 * What a statement does: for `WITH … AS (…) INSERT INTO "todos" …`, the statement after the
 * common table expressions (an insert into todos), not the first one inside them.
 */
export function mainStatement(text: string): string {
  if (!/^\s*with\b/i.test(text)) return text;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) {
      const rest = text.slice(i + 1);
      if (!/^\s*,/.test(rest)) return rest;
    }
  }
  return text;
}

function describe(text: string): { name: string; attributes: Attributes } {
  const main = mainStatement(text);
  const operation = OPERATION.exec(main)?.[1]?.toUpperCase();
  const target = TARGET.exec(main)?.[1];
  const attributes: Attributes = { "db.system.name": "postgresql" };
  if (operation) attributes["db.operation.name"] = operation;
  if (target) attributes["db.collection.name"] = target;
  const safe = valueFreeSql(text);
  if (safe) attributes["db.query.text"] = safe;
  const name = [operation ?? "query", target].filter(Boolean).join(" ");
  return { name, attributes };
}

const textOf = (config: unknown): string =>
  typeof config === "string"
    ? config
    : typeof (config as { text?: unknown })?.text === "string"
      ? (config as { text: string }).text
      : "";

/** `query` with a CLIENT span around each promise-style call (drizzle's only kind). */
function tracedQuery(target: Queryable, tracer: Tracer) {
  return (...args: unknown[]): unknown => {
    // A callback-style call (the pool's own internals) is passed through untouched.
    if (typeof args.at(-1) === "function") return target.query(...args);
    const { name, attributes } = describe(textOf(args[0]));
    return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      try {
        return await target.query(...args);
      } catch (error) {
        // SQLSTATE only: PostgreSQL's messages can quote the values that failed.
        const code = (error as { code?: unknown })?.code;
        const type = typeof code === "string" ? code : (error as Error)?.name || "Error";
        span.setAttribute("error.type", type);
        if (typeof code === "string") span.setAttribute("db.response.status_code", code);
        span.setStatus({ code: SpanStatusCode.ERROR, message: type });
        throw error;
      } finally {
        span.end();
      }
    });
  };
}

/**
 * The pool as drizzle sees it, with a span per query: `pool.query` (each statement outside a
 * transaction) and, for a transaction, the queries on the client `connect()` hands out. The
 * client is wrapped in a view for that caller only: the pool's own later use of the same
 * client (inside `pool.query`) must not make a second span. Callback-style `connect` (what
 * `pool.query` uses inside) is left alone for the same reason.
 */
export function tracePool<P extends Connectable>(pool: P, tracer: Tracer): P {
  const query = tracedQuery(pool, tracer);
  const connect = (...args: unknown[]): unknown => {
    if (args.length > 0) return pool.connect(...args);
    return (pool.connect() as Promise<Queryable>).then((client) => clientView(client, tracer));
  };
  return new Proxy(pool, {
    get(target, property) {
      if (property === "query") return query;
      if (property === "connect") return connect;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function clientView<C extends Queryable>(client: C, tracer: Tracer): C {
  const query = tracedQuery(client, tracer);
  return new Proxy(client, {
    get(target, property) {
      if (property === "query") return query;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
