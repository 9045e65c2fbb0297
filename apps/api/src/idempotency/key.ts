import { createHash } from "node:crypto";
import { z } from "zod";

const KEY = /^[A-Za-z0-9._~:-]{1,255}$/;

/**
 * The `Idempotency-Key` header: 1–255 characters of `[A-Za-z0-9._~:-]`, bare or as a quoted
 * structured-field string (`"abc"` is the key `abc`). Absent → undefined; empty or malformed →
 * the pipeline's 400.
 */
export const idempotencyKeyHeader = z
  .string()
  .transform((header, ctx) => {
    const trimmed = header.trim();
    const key = /^".*"$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
    if (KEY.test(key)) return key;
    ctx.addIssue({
      code: "custom",
      message:
        "Idempotency-Key must be 1–255 characters of A–Z, a–z, 0–9, '.', '_', '~', ':' or '-'.",
    });
    return z.NEVER;
  })
  .optional()
  .meta({
    maxLength: 257,
    pattern: '^\\s*([A-Za-z0-9._~:-]{1,255}|"[A-Za-z0-9._~:-]{1,255}")\\s*$',
    description: "1–255 characters of `[A-Za-z0-9._~:-]`, bare or quoted; kept 24 hours per user.",
  });

/** JSON with object keys sorted at every level: equal JSON gives equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/**
 * What a retry must repeat: the route (method and path) and the body as JSON, whatever its key
 * order and whitespace. Keys are per user, not per route: the same key sent to another route
 * has another hash, so it is refused there, never answered with the other route's response.
 */
export const requestHash = (route: string, body: unknown) =>
  createHash("sha256")
    .update(canonical([route, body]))
    .digest("base64url");
