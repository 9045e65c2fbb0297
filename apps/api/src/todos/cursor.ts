import { createHash } from "node:crypto";
import type { TodoSort } from "@repo/contracts/todo";
import { ApiError } from "../http/problem";

/** Where a page ended: the sort column's value (exact: stored in milliseconds) and the id. */
export interface CursorPosition {
  at: string;
  id: string;
}

/** What a cursor is bound to: it only continues the list it was issued for. */
export interface CursorScope {
  userId: string;
  sort: TodoSort;
  completed: boolean | undefined;
  q: string | undefined;
}

const checksum = (scope: CursorScope, position: CursorPosition) =>
  createHash("sha256")
    .update(JSON.stringify([scope.userId, scope.sort, scope.completed ?? null, scope.q ?? null]))
    .update(JSON.stringify([position.at, position.id]))
    .digest("base64url")
    .slice(0, 22);

/**
 * An opaque cursor: the position and a checksum over it and its scope (user, sort, filters).
 * It is not secret; the checksum makes a tampered cursor, or one from another user or list,
 * a 422. Forging one would need the user's id and only moves within that user's own todos.
 */
export function encodeCursor(scope: CursorScope, position: CursorPosition): string {
  const payload = JSON.stringify({ p: [position.at, position.id], c: checksum(scope, position) });
  return Buffer.from(payload).toString("base64url");
}

const invalid = () =>
  new ApiError("validation-error", "cursor is not valid for this list", {
    errors: [{ path: "cursor", message: "is not valid for this list" }],
  });

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A timestamp as `toISOString` writes it, and a real one (no month 13, no 99th minute). */
const isRealTimestamp = (at: string) => {
  if (!ISO_MS.test(at)) return false;
  const date = new Date(at);
  return !Number.isNaN(date.getTime()) && date.toISOString() === at;
};

/**
 * The position in `cursor`, accepted only if the cursor is exactly what `encodeCursor` makes for
 * this list: canonical base64url, exactly the members it was issued with, a real timestamp and a
 * UUID, and the checksum. Anything else is a 422, never a 500 or a cursor read leniently.
 */
export function decodeCursor(scope: CursorScope, cursor: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const { p } = (parsed ?? {}) as { p?: unknown };
  if (!Array.isArray(p) || p.length !== 2) throw invalid();
  const [at, id] = p as unknown[];
  if (typeof at !== "string" || !isRealTimestamp(at) || typeof id !== "string" || !UUID.test(id))
    throw invalid();
  const position = { at, id };
  // Encoding the position again must give the very same string: this refuses a changed
  // checksum, extra members, another member order, padding or a character appended (Node's
  // base64url decoder ignores what it cannot read).
  if (encodeCursor(scope, position) !== cursor) throw invalid();
  return position;
}
