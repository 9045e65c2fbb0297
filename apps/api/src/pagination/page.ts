import type { Database } from "@repo/db/client";
import { json } from "../http/respond";
import { ensureUserExists } from "../me/account-gone";
import { type CursorScope, encodeCursor, type SortValue } from "./cursor";

export interface PageOptions<Row> {
  /** Whose list: an empty page is answered only if their account still exists. */
  owner: { db: Database; userId: string };
  /** The page size; the rows are one more when another page follows. */
  limit: number;
  /** Whether the request named `limit` (the Link repeats it then). */
  limitGiven: boolean;
  scope: CursorScope;
  /** The value of the list's sort column in a row, as the cursor carries it. */
  sortValue: (row: Row) => SortValue;
  toJson: (row: Row) => unknown;
}

/**
 * A list's page, from `limit + 1` rows in list order (one row more than the page tells whether
 * another page follows, so there is no empty last page): `{ data, nextCursor }`, and a
 * `Link: <…>; rel="next"` to the next page. An empty page of a deleted account is a 401 instead
 * (the one check, only when the list found nothing: see me/account-gone.ts).
 */
export async function pageResponse<Row extends { id: string }>(
  url: URL,
  rows: readonly Row[],
  { owner, limit, limitGiven, scope, sortValue, toJson }: PageOptions<Row>,
): Promise<Response> {
  const page = rows.slice(0, limit);
  if (page.length === 0) await ensureUserExists(owner.db, owner.userId);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor(scope, { value: sortValue(last), id: last.id })
      : null;

  const headers = new Headers();
  if (nextCursor) {
    const next = new URL(url);
    next.searchParams.set("cursor", nextCursor);
    // As parsed ("007" is 7), so the link is as short as the document says it is.
    if (limitGiven) next.searchParams.set("limit", String(limit));
    headers.set("Link", `<${next.pathname}${next.search}>; rel="next"`);
  }
  return json({ data: page.map(toJson), nextCursor }, { headers });
}
