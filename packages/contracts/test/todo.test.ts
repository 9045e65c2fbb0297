import { describe, expect, it } from "vitest";
import { codePoints } from "../src/text";
import { todoInputSchema, todoPatchSchema } from "../src/todo";

describe("todoInputSchema", () => {
  it.each([
    ["a plain title", { title: "Buy milk" }, true],
    ["255 astral code points (510 UTF-16 units)", { title: "😀".repeat(255) }, true],
    ["256 code points", { title: "a".repeat(256) }, false],
    ["a title that trims to 255", { title: ` ${"a".repeat(255)} ` }, true],
    ["a combining sequence counted per code point", { title: "e\u0301".repeat(128) }, false],
    ["a paired surrogate", { title: "\ud83d\ude00" }, true],
    ["a lone high surrogate", { title: "a\ud800" }, false],
    ["a lone low surrogate", { title: "\udc00" }, false],
    ["U+0000", { title: "\u0000" }, false],
    ["other control characters", { title: "tab\there" }, true],
    ["description null", { title: "a", description: null }, true],
    ["description of 10,000 code points", { title: "a", description: "😀".repeat(10_000) }, true],
    ["description of 10,001", { title: "a", description: "a".repeat(10_001) }, false],
    ["completed as a string", { title: "a", completed: "false" }, false],
    ["an unknown field", { title: "a", id: "x" }, false],
    ["dueAt in the year 1", { title: "a", dueAt: "0001-01-01T00:00:00Z" }, true],
    ["dueAt in 1900", { title: "a", dueAt: "1900-06-01T12:00:00Z" }, true],
    ["dueAt before the year 1 (UTC)", { title: "a", dueAt: "0001-01-01T00:00:00+01:00" }, false],
    [
      "dueAt at the last millisecond of 9999",
      { title: "a", dueAt: "9999-12-31T23:59:59.999Z" },
      true,
    ],
    ["dueAt past 9999 (UTC)", { title: "a", dueAt: "9999-12-31T23:59:59-01:00" }, false],
    ["dueAt on February 30", { title: "a", dueAt: "2026-02-30T10:00:00Z" }, false],
  ])("%s → valid: %s", (_, value, valid) => {
    expect(todoInputSchema.safeParse(value).success).toBe(valid);
  });
});

describe("todoPatchSchema", () => {
  it.each([
    ["an empty patch", {}, false],
    ["only completed", { completed: true }, true],
    ["a null description", { description: null }, true],
    ["a null title", { title: null }, false],
    ["a null completed", { completed: null }, false],
  ])("%s → valid: %s", (_, value, valid) => {
    expect(todoPatchSchema.safeParse(value).success).toBe(valid);
  });
});

describe("codePoints", () => {
  it("counts code points, as varchar(n) does", () => {
    expect(codePoints("😀a")).toBe(2);
    expect("😀a".length).toBe(3);
  });
});
