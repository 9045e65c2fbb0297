import { describe, expect, it } from "vitest";
import { formatDue, fromDueAt, toDueAt } from "@/components/todos/due";

// Noon, local time, on Tuesday 10 March 2026.
const NOON = new Date(2026, 2, 10, 12).getTime();

describe("toDueAt and fromDueAt", () => {
  it("takes a date without a time as the last millisecond of that local day", () => {
    const dueAt = toDueAt("2026-03-10", "");
    expect(dueAt).toBe(new Date(2026, 2, 10, 23, 59, 59, 999).toISOString());
    expect(fromDueAt(dueAt)).toEqual({ date: "2026-03-10", time: "" });
  });

  it("takes a date and a time as that local minute, and gives both back", () => {
    const dueAt = toDueAt("2026-03-10", "09:30");
    expect(dueAt).toBe(new Date(2026, 2, 10, 9, 30).toISOString());
    expect(fromDueAt(dueAt)).toEqual({ date: "2026-03-10", time: "09:30" });
  });

  it("has no due date for an empty or broken date", () => {
    expect(toDueAt("", "09:30")).toBeNull();
    expect(toDueAt("10/03/2026", "")).toBeNull();
    expect(fromDueAt(null)).toEqual({ date: "", time: "" });
  });
});

describe("formatDue", () => {
  it.each([
    [new Date(2026, 2, 10, 23, 59, 59, 999), "Today"],
    [new Date(2026, 2, 11, 23, 59, 59, 999), "Tomorrow"],
    [new Date(2026, 2, 9, 23, 59, 59, 999), "Yesterday"],
    [new Date(2026, 2, 13, 23, 59, 59, 999), "Fri"],
    [new Date(2026, 3, 2, 23, 59, 59, 999), "Apr 2"],
    [new Date(2027, 0, 5, 23, 59, 59, 999), "Jan 5, 2027"],
    [new Date(2026, 2, 10, 17, 0), "Today 5:00 PM"],
  ])("shows %s as %s", (date, text) => {
    expect(formatDue(date.toISOString(), NOON)).toBe(text);
  });
});
