import { describe, expect, it } from "vitest";
import { type ListedKey, summarizeKeys } from "@/components/api-keys/key-summary";

const listed = (overrides: Partial<ListedKey>): ListedKey => ({
  id: "k1",
  name: "laptop",
  start: "todo_abcdefg",
  permissions: { todos: ["read"] },
  createdAt: new Date("2026-03-01T10:00:00Z"),
  expiresAt: null,
  ...overrides,
});

describe("the key list's summary of a key", () => {
  it.each([
    ["a Date, on the server", new Date("2026-03-10T08:15:00Z"), "2026-03-10T08:15:00.000Z"],
    ["a string, in the browser", "2026-03-10T08:15:00.000Z", "2026-03-10T08:15:00.000Z"],
    ["null: never used", null, null],
    ["missing: never used", undefined, null],
  ])("carries the key's last use from %s", (_, lastRequest, lastUsedAt) => {
    const [summary] = summarizeKeys([listed({ lastRequest })]);
    expect(summary?.lastUsedAt).toBe(lastUsedAt);
  });
});
