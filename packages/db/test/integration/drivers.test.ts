import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../src/client";
import { isDatabaseUnavailable, isInvalidDatetime, sqlState } from "../../src/errors";
import { MIGRATIONS_FOLDER, runMigrations } from "../../src/migrate";
import { todos, user } from "../../src/schema";
import { startWsProxy, type WsProxy } from "../../src/testing";
import { testDriver, useTestDatabase } from "../../src/testing/vitest";

const database = useTestDatabase();

describe(`the ${testDriver()} driver on a real PostgreSQL`, () => {
  it("is the driver this project runs the suite through", () => {
    expect(database.current.driver).toBe(testDriver());
  });

  it("reports a statement cut by statement_timeout as 57014, a database unavailable for now", async () => {
    const { db } = database.current;
    const slow = db.transaction(async (tx) => {
      await tx.execute(sql`set local statement_timeout = 50`);
      await tx.execute(sql`select pg_sleep(2)`);
    });
    const error = await slow.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(sqlState(error)).toBe("57014");
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("survives the server ending a connection checked out for a transaction", async () => {
    // Before the pool listened on every client, this error reached no listener and ended the
    // process (vitest reports that as an unhandled error, failing the run).
    const { db } = database.current;
    const ended = db.transaction(async (tx) => {
      await tx.execute(sql`select pg_terminate_backend(pg_backend_pid())`);
      await tx.execute(sql`select 1`);
    });
    const error = await ended.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(isDatabaseUnavailable(error)).toBe(true);
    // The pool replaces the connection: the next query is served.
    const { rows } = await db.execute<{ one: number }>(sql`select 1 as one`);
    expect(rows[0]?.one).toBe(1);
  });

  it("opens connections with the server-side timeouts on TCP only, which DATABASE_URL can override", async () => {
    const show = async (db: typeof database.current.db) =>
      (
        await db.execute<{ statement: string; idle: string }>(
          sql`select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle`,
        )
      ).rows[0];
    if (testDriver() === "neon") {
      // Start-up parameters Neon's pooled endpoint may refuse are not sent (client.ts).
      expect(await show(database.current.db)).toEqual({ statement: "0", idle: "0" });
      return;
    }
    expect(await show(database.current.db)).toEqual({ statement: "4s", idle: "10s" });
    const url = new URL(database.current.url);
    url.searchParams.set("statement_timeout", "250");
    const overridden = createDatabase({ url: url.toString() });
    try {
      expect(await show(overridden.db)).toEqual({ statement: "250ms", idle: "10s" });
    } finally {
      await overridden.close();
    }
  });

  it("reports an impossible date PostgreSQL refuses as invalid input, not an outage", async () => {
    const { db } = database.current;
    const failures = await Promise.all(
      ["2024-13-45T99:99:99.999Z", "not a date"].map((value) =>
        db.execute(sql`select ${value}::timestamptz`).then(
          () => undefined,
          (failure: unknown) => failure,
        ),
      ),
    );
    for (const failure of failures) {
      expect(isInvalidDatetime(failure), String(failure)).toBe(true);
      expect(isDatabaseUnavailable(failure)).toBe(false);
    }
  });

  it("round-trips a todo, with millisecond timestamps and a UUIDv7 id", async () => {
    const { db } = database.current;
    await db.insert(user).values({ id: "u1", name: "U", email: "u1@example.test" });
    const [row] = await db.insert(todos).values({ userId: "u1", title: "t" }).returning();
    expect(row?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/);
    const [stored] = await db
      .execute<{ micros: string }>(
        sql`select extract(microseconds from created_at)::text as micros from todos`,
      )
      .then((r) => r.rows);
    expect(Number(stored?.micros) % 1000).toBe(0);
  });

  it("runs interactive transactions and rolls them back", async () => {
    const { db } = database.current;
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(user).values({ id: "u2", name: "U", email: "u2@example.test" });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const rows = await db.execute(sql`select 1 from "user" where id = 'u2'`);
    expect(rows.rows).toHaveLength(0);
  });

  it("applies the migrations idempotently", async () => {
    await runMigrations({ url: database.current.url, driver: "tcp" });
    const rows = await database.current.db.execute(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    const journal = JSON.parse(
      readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8"),
    ) as { entries: unknown[] };
    expect(rows.rows[0]).toEqual({ n: journal.entries.length });
  });
});

describe("the Neon driver through a WebSocket proxy", () => {
  let proxy: WsProxy;
  beforeAll(async () => {
    proxy = await startWsProxy();
  });
  afterAll(() => proxy.close());

  it("speaks Postgres over WebSockets: the proxy carries its connections", async () => {
    const client = createDatabase({
      url: database.current.url,
      driver: "neon",
      neon: { wsProxy: proxy.wsProxy, useSecureWebSocket: false },
    });
    try {
      const result = await client.db.execute(sql`select 41 + 1 as answer`);
      expect(result.rows).toEqual([{ answer: 42 }]);
      expect(proxy.connections).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });

  it("refuses to relay to a non-local address", async () => {
    const client = createDatabase({
      url: "postgres://postgres@192.0.2.1:5432/x",
      driver: "neon",
      neon: { wsProxy: proxy.wsProxy, useSecureWebSocket: false },
      max: 1,
    });
    try {
      await expect(client.db.execute(sql`select 1`)).rejects.toThrow();
    } finally {
      await client.close();
    }
  });
});
