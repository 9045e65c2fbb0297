// RFC 9110 §13.1: If-Match and If-None-Match. The API's tags are strong: `"<version>"`.

// Versions are PostgreSQL integers: a larger tag can match no todo (and must not reach SQL,
// where it would be an out-of-range error).
const MAX_VERSION = 2 ** 31 - 1;

interface EntityTag {
  weak: boolean;
  opaque: string;
}

const TAG = /\s*(W\/)?("[\x21\x23-\x7e\x80-\xff]*")\s*(?:,|$)/gy;

/** `*`, or the list of tags; null when the header is absent or not a valid list. */
function parse(header: string | null): "*" | EntityTag[] | null {
  if (header === null) return null;
  if (header.trim() === "*") return "*";
  const tags: EntityTag[] = [];
  TAG.lastIndex = 0;
  let consumed = 0;
  for (let match = TAG.exec(header); match; match = TAG.exec(header)) {
    tags.push({ weak: Boolean(match[1]), opaque: match[2] ?? "" });
    consumed = TAG.lastIndex;
    if (consumed >= header.length) break;
  }
  return consumed === header.length && tags.length > 0 ? tags : [];
}

/** If-None-Match on a read: weak comparison, so `W/"3"` matches `"3"`. */
export function noneMatch(header: string | null, etag: string): boolean {
  const tags = parse(header);
  if (tags === null) return false;
  return tags === "*" || tags.some((tag) => tag.opaque === etag);
}

/** The versions an `If-Match` allows: undefined for no precondition, "any" for `*`. */
export type ExpectedVersions = "any" | number[] | undefined;

/**
 * If-Match on a write, as the versions it allows: undefined without the header (last write
 * wins), "any" for `*`, else the versions of its strong tags (a weak tag never matches; a
 * malformed header matches nothing).
 */
export function ifMatchVersions(header: string | null): ExpectedVersions {
  const tags = parse(header);
  if (tags === null) return undefined;
  if (tags === "*") return "any";
  return tags
    .filter((tag) => !tag.weak && /^"[1-9]\d{0,9}"$/.test(tag.opaque))
    .map((tag) => Number(tag.opaque.slice(1, -1)))
    .filter((version) => version <= MAX_VERSION);
}

/** A strong entity tag: the version changes with every write, soft delete and restore included. */
export const etagOf = (row: { version: number }) => `"${row.version}"`;
