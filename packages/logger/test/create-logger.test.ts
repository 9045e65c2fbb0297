import { describe, expect, it } from "vitest";
import { createLogger, describeError, type LOG_LEVELS } from "../src/index";
import { collectLines } from "../src/testing";

describe("createLogger", () => {
  it("writes one JSON object per line: level label, ISO time, msg, no pid or hostname", () => {
    const { destination, lines } = collectLines();
    createLogger({ level: "info", destination }).info({ requestId: "r1" }, "hello");
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] ?? "");
    expect(Object.keys(record).sort()).toEqual(["level", "msg", "requestId", "time"]);
    expect(record).toMatchObject({ level: "info", msg: "hello", requestId: "r1" });
    expect(new Date(record.time).toISOString()).toBe(record.time);
  });

  it.each([
    ["debug", ["debug", "info", "warn", "error"]],
    ["info", ["info", "warn", "error"]],
    ["warn", ["warn", "error"]],
    ["error", ["error"]],
    ["silent", []],
  ] as const)("at %s logs only %j", (level, expected) => {
    const { destination, records } = collectLines();
    const logger = createLogger({ level, destination });
    logger.trace("t");
    logger.debug("d");
    logger.info("i");
    logger.warn("w");
    logger.error("e");
    expect(records().map((record) => record.level)).toEqual(expected);
  });

  it("refuses a level it does not know", () => {
    expect(() => createLogger({ level: "loud" as (typeof LOG_LEVELS)[number] })).toThrow(/loud/);
  });
});

describe("describeError", () => {
  it("keeps the SQL text of a drizzle error and drops every bound parameter, newlines included", () => {
    // drizzle-orm's DrizzleQueryError: `Failed query: ${query}\nparams: ${params}`.
    const params = ["session-token-123", "line one\n    at home with $2b$10$hash"];
    const error = new Error(
      `Failed query: insert into "session" values ($1, $2)\nparams: ${params}`,
      {
        cause: Object.assign(new Error('relation "session" does not exist'), { code: "42P01" }),
      },
    );
    const summary = describeError(error);
    const text = JSON.stringify(summary);
    expect(summary.message).toBe('Failed query: insert into "session" values ($1, $2)');
    expect(summary.cause).toMatchObject({ code: "42P01" });
    expect(summary.stack).toMatch(/^\s+at /);
    for (const secret of ["session-token-123", "at home", "$2b$10$hash"])
      expect(text).not.toContain(secret);
  });

  it("describes a thrown non-error by its type", () => {
    expect(describeError("boom")).toEqual({ name: "string", message: "boom" });
  });
});
