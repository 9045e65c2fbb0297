import { z } from "zod";

/**
 * The longest request header both hosts accept (Node's HTTP server: 16 KiB for all headers;
 * Vercel: 16 KB for one). Values that come from the token (`sub`, `email`, `name`) can be no
 * longer: that is the only bound the API has on them.
 */
export const HEADER_MAX = 16_384;

/** Length in Unicode code points, which is what PostgreSQL's varchar(n) counts. */
export const codePoints = (value: string) => [...value].length;

// With the `u` flag a well-formed surrogate pair is one code point, so this matches lone halves only.
const LONE_SURROGATE = /\p{Cs}/u;

const expected = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "is required" : `must be ${what}`;

/**
 * A string that PostgreSQL can store exactly: no U+0000 (text cannot hold it) and no lone
 * surrogate (not valid UTF-8), at most `max` code points.
 */
export function storableText({ min = 0, max }: { min?: number; max: number }) {
  return (
    z
      .string({ error: expected("a string") })
      .refine((s) => !s.includes("\u0000"), { message: "must not contain U+0000", abort: true })
      .refine((s) => !LONE_SURROGATE.test(s), {
        message: "must not contain unpaired surrogates",
        abort: true,
      })
      .refine((s) => codePoints(s) >= min, { message: "must not be empty", abort: true })
      .refine((s) => codePoints(s) <= max, { message: `must be at most ${max} characters` })
      // JSON Schema counts lengths in code points too, so the documented bounds are exact.
      .meta({ minLength: min, maxLength: max })
  );
}

export const strictBoolean = () => z.boolean({ error: expected("a boolean (true or false)") });

/** A required name or title: trimmed first (JavaScript trim()), then 1–`max` storable code points. */
export const trimmedText = (max: number, description: string) =>
  z
    .string({ error: expected("a string") })
    .trim()
    .pipe(storableText({ min: 1, max }))
    .meta({ minLength: 1, maxLength: max, description });
