import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createDatabase } from "@repo/db/client";
import { testDriver, testDriverOptions } from "@repo/db/testing/vitest";
import { createLogger, describeError } from "@repo/logger";
import { collectLines } from "@repo/logger/testing";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { handleRequest } from "../../src/app";
import { toRequestListener } from "../../src/node-host/request-listener";
import { useApi } from "../support/api";

const api = useApi();

// A bound value as a client would send it: with newlines, and a line that looks like a frame.
const SECRET = `needle\nsecret-${Math.random().toString(36).slice(2)}\n    at evil (x.js:1:1)`;
const MARK = SECRET.split("\n")[1] as string;

/** The error a real query throws when PostgreSQL refuses one of its bound values. */
async function refusedValueError(): Promise<unknown> {
  return api.database.current.db.execute(sql`select ${SECRET}::uuid as id`).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe(`bound values never reach the error log (driver: ${testDriver()})`, () => {
  const withoutSchema = (url: URL) => {
    url.pathname = "/postgres";
  };
  const statementTimeout = (url: URL) => {
    url.searchParams.set("statement_timeout", "1");
  };
  it.each([
    ["a database without the schema (500)", withoutSchema],
    ["the statement timeout (503)", statementTimeout],
  ])("a list with q holding newlines that fails on %s", async (_name, breakUrl) => {
    const alice = await api.createUser();
    const url = new URL(api.database.current.url);
    breakUrl(url);
    const broken = createDatabase({ url: url.toString(), max: 1, ...testDriverOptions() });
    try {
      const { destination, lines } = collectLines();
      const logger = createLogger({ level: "info", destination });
      const response = await handleRequest(
        new Request(`http://localhost:3001/api/v1/todos?q=${encodeURIComponent(SECRET)}`, {
          headers: { authorization: `Bearer ${alice.token}` },
        }),
        { ...api.deps(), db: broken.db, logger },
      );
      expect(response.status).toBeGreaterThanOrEqual(500);
      const error = lines.map((line) => JSON.parse(line)).find((line) => line.level === "error");
      expect(error.error.message).toMatch(/^Failed query: select/);
      expect(lines.join("\n")).not.toContain(MARK);
    } finally {
      await broken.close();
    }
  });

  it("keeps PostgreSQL's words but not the value it quotes (invalid input syntax)", async () => {
    const error = await refusedValueError();
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).toContain(MARK);
    const summary = describeError(error);
    expect(JSON.stringify(summary)).not.toContain(MARK);
    expect(summary.cause).toMatchObject({ code: "22P02" });
    expect(summary.cause?.message).toMatch(/^invalid input syntax for type uuid/);
  });

  it("the Node host's last-resort log line (the pipeline threw) carries no bound value", async () => {
    const thrown = await refusedValueError();
    const { destination, lines } = collectLines();
    const logger = createLogger({ level: "info", destination });
    const server = createServer(toRequestListener(() => Promise.reject(thrown), logger));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/todos`);
      expect(response.status).toBe(500);
      expect(lines.some((line) => line.includes("the request pipeline threw"))).toBe(true);
      expect(lines.join("\n")).not.toContain(MARK);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
