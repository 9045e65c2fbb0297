import { COLORS, type Color } from "@repo/contracts/palette";
import { PRIORITIES, type Priority, TODO_SORTS, type TodoSort } from "@repo/contracts/todo";
import { usageError } from "./exit-codes";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/**
 * A date as the API takes it (RFC 3339). An RFC 3339 date-time passes as it is (the API checks
 * it); `YYYY-MM-DD` is that day in local time: its last millisecond for a due date (`end`, so
 * it is overdue once the day is over), its first for a range's bound (`start`).
 */
export function parseDate(value: string, flag: string, at: "start" | "end"): string {
  if (DATE_TIME.test(value)) return value;
  const match = DAY.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
    const date =
      at === "end"
        ? new Date(year, month, day, 23, 59, 59, 999)
        : new Date(year, month, day, 0, 0, 0, 0);
    date.setFullYear(year); // years 0–99 too
    if (date.getFullYear() === year && date.getMonth() === month && date.getDate() === day)
      return date.toISOString();
  }
  throw usageError(
    `${flag} must be YYYY-MM-DD or an RFC 3339 date-time, not ${JSON.stringify(value)}`,
  );
}

function oneOf<const T extends readonly string[]>(choices: T, value: string, flag: string) {
  if ((choices as readonly string[]).includes(value)) return value as T[number];
  throw usageError(`${flag} must be one of ${choices.join(", ")}, not ${JSON.stringify(value)}`);
}

export const parsePriority = (value: string): Priority => oneOf(PRIORITIES, value, "--priority");
export const parseSort = (value: string): TodoSort => oneOf(TODO_SORTS, value, "--sort");
export const parseColor = (value: string): Color => oneOf(COLORS, value, "--color");

export function parseLimit(value: string): number {
  if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 100) return Number(value);
  throw usageError(`--limit must be a whole number from 1 to 100, not ${JSON.stringify(value)}`);
}
