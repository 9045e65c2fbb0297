import { describe, expect, it } from "vitest";
import { isNeonUrl } from "../src/client";
import { isDatabaseUnavailable, sqlState } from "../src/errors";

describe("isNeonUrl", () => {
  it.each([
    ["postgres://u:p@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb", true],
    ["postgresql://u:p@ep-x-pooler.eu-central-1.aws.neon.tech/db?sslmode=require", true],
    ["postgres://u@ep-x.neon.build/db", true],
    ["postgres://postgres@127.0.0.1:5432/test", false],
    ["postgres://u@db.example.com/x", false],
    ["postgres://u@notneon.tech/x", false],
    ["postgres://u@neon.tech.evil.example/x", false],
  ])("%s → %s", (url, expected) => {
    expect(isNeonUrl(url)).toBe(expected);
  });
});

describe("isDatabaseUnavailable", () => {
  const coded = (code: string) => Object.assign(new Error("x"), { code });
  it.each([
    ["a refused connection", coded("ECONNREFUSED"), true],
    ["a connection failure SQLSTATE (08006)", coded("08006"), true],
    ["an admin shutdown (57P01)", coded("57P01"), true],
    ["too many connections (53300)", coded("53300"), true],
    ["a statement timeout (57014)", coded("57014"), true],
    ["node-postgres's client query_timeout", new Error("Query read timeout"), true],
    ["a terminated connection", new Error("Connection terminated unexpectedly"), true],
    [
      "a wrapped refused connection",
      new Error("Failed query", { cause: coded("ECONNREFUSED") }),
      true,
    ],
    ["an AggregateError of refusals", new AggregateError([coded("ECONNREFUSED")]), true],
    ["a missing relation (42P01)", coded("42P01"), false],
    ["a unique violation (23505)", coded("23505"), false],
    ["a plain error", new Error("boom"), false],
    ["a non-error", "boom", false],
  ])("%s → %s", (_, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});

describe("sqlState", () => {
  it("finds the SQLSTATE in the cause chain, and ignores Node's error codes", () => {
    const pgError = Object.assign(new Error("fk"), { code: "23503" });
    expect(sqlState(new Error("Failed query", { cause: pgError }))).toBe("23503");
    expect(sqlState(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBeUndefined();
    expect(sqlState(new Error("x"))).toBeUndefined();
  });
});
