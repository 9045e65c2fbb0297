import { createHash } from "node:crypto";
import { ApiError } from "../http/problem";

/** The value a page ended on in its sort column: a timestamp, null (e.g. an undated todo), an integer or a text. */
export type SortValue = string | number | null;

/** What a sort column holds, so that a cursor's value is checked before it reaches a query. */
export type SortKind = "timestamp" | "nullable-timestamp" | "int" | "text";

/** Where a page ended: the sort column's value (exact: timestamps are stored in milliseconds) and the id. */
export interface CursorPosition {
  value: SortValue;
  id: string;
}

/**
 * What a cursor is bound to: the list it continues, as JSON values (the user, the sort and
 * every filter), so a cursor only ever continues the list it was issued for.
 */
export type CursorScope = readonly (string | number | boolean | null)[];

const checksum = (scope: CursorScope, position: CursorPosition) =>
  createHash("sha256")
    .update(JSON.stringify(scope))
    .update(JSON.stringify([position.value, position.id]))
    .digest("base64url")
    .slice(0, 22);

/**
 * An opaque cursor: the position and a checksum over it and its scope (user, sort, filters).
 * It is not secret; the checksum makes a tampered cursor, or one from another user or list,
 * a 422. Forging one would need the user's id and only moves within that user's own rows.
 */
export function encodeCursor(scope: CursorScope, position: CursorPosition): string {
  const payload = JSON.stringify({
    p: [position.value, position.id],
    c: checksum(scope, position),
  });
  return Buffer.from(payload).toString("base64url");
}

const invalid = () =>
  new ApiError("validation-error", "cursor is not valid for this list", {
    errors: [{ path: "cursor", message: "is not valid for this list" }],
  });

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A timestamp as `toISOString` writes it, and a real one (no month 13, no 99th minute). */
const isRealTimestamp = (value: unknown) => {
  if (typeof value !== "string" || !ISO_MS.test(value)) return false;
  const date = new Date(value);
  return !Number.isNaN(date.getTime()) && date.toISOString() === value;
};

const HOLDS: Record<SortKind, (value: unknown) => boolean> = {
  timestamp: isRealTimestamp,
  "nullable-timestamp": (value) => value === null || isRealTimestamp(value),
  int: (value) => Number.isSafeInteger(value),
  text: (value) => typeof value === "string",
};

/**
 * The position in `cursor`, accepted only if the cursor is exactly what `encodeCursor` makes for
 * this list: canonical base64url, exactly the members it was issued with, a value of the sort
 * column's kind (a real timestamp, say) and a UUID, and the checksum. Anything else is a 422,
 * never a 500 or a cursor read leniently.
 */
export function decodeCursor(scope: CursorScope, cursor: string, kind: SortKind): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const { p } = (parsed ?? {}) as { p?: unknown };
  if (!Array.isArray(p) || p.length !== 2) throw invalid();
  const [value, id] = p as unknown[];
  if (!HOLDS[kind](value) || typeof id !== "string" || !UUID.test(id)) throw invalid();
  const position = { value: value as SortValue, id };
  // Encoding the position again must give the very same string: this refuses a changed
  // checksum, extra members, another member order, padding or a character appended (Node's
  // base64url decoder ignores what it cannot read).
  if (encodeCursor(scope, position) !== cursor) throw invalid();
  return position;
}
