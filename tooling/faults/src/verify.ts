import pg from "pg";
import type { LedgerEntry } from "./load";

export interface Verification {
  /** Creates the client got a 201 for. */
  acknowledged: number;
  /** Acknowledged ids that are not in the database (must be 0). */
  lost: string[];
  /** Keys with more than one todo (must be none). */
  duplicated: string[];
  /** Acknowledged keys whose todo is not the acknowledged one, or not the key's user's. */
  mismatched: string[];
  /** Acknowledged keys that needed more than one attempt: the retry-with-the-same-key path. */
  retriedAcknowledged: number;
  /** Keys never acknowledged whose todo exists anyway (the answer was lost, not the write). */
  unacknowledgedStored: number;
}

/**
 * Checks the ledger against the database itself, not the API: every acknowledged id exists
 * and belongs to its user, and every Idempotency-Key made at most one todo (exactly one when
 * acknowledged). Titles embed the key, so counting rows by title counts the key's todos,
 * whatever the API's idempotency table says.
 */
export async function verifyLedger(
  databaseUrl: string,
  ledger: LedgerEntry[],
): Promise<Verification> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; user_id: string; title: string }>(
      "select id, user_id, title from todos where title = any($1::text[])",
      [ledger.map((entry) => entry.title)],
    );
    const byTitle = new Map<string, { id: string; user_id: string }[]>();
    for (const row of rows) byTitle.set(row.title, [...(byTitle.get(row.title) ?? []), row]);
    const acknowledgedIds = ledger.flatMap((entry) => entry.acknowledgedId ?? []);
    const present = await client.query<{ id: string }>(
      "select id from todos where id = any($1::uuid[])",
      [acknowledgedIds],
    );
    const presentIds = new Set(present.rows.map((row) => row.id));

    const result: Verification = {
      acknowledged: acknowledgedIds.length,
      lost: acknowledgedIds.filter((id) => !presentIds.has(id)),
      duplicated: [],
      mismatched: [],
      retriedAcknowledged: 0,
      unacknowledgedStored: 0,
    };
    for (const entry of ledger) {
      const stored = byTitle.get(entry.title) ?? [];
      if (stored.length > 1) result.duplicated.push(entry.key);
      if (entry.acknowledgedId === undefined) {
        if (stored.length === 1) result.unacknowledgedStored++;
        continue;
      }
      if (entry.attempts > 1) result.retriedAcknowledged++;
      const [only] = stored;
      if (
        stored.length === 1 &&
        (only?.id !== entry.acknowledgedId || only?.user_id !== entry.userId)
      )
        result.mismatched.push(entry.key);
    }
    return result;
  } finally {
    await client.end();
  }
}
