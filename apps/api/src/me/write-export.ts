import type { Database } from "@repo/db/client";
import { type TodoRow, todos } from "@repo/db/schema";
import { toTodo } from "../todos/serialize";
import { userGone } from "./account-gone";
import { findAccount } from "./queries/find-account";
import { type OwnedTable, ownedRowsAfter } from "./queries/owned-rows-after";

/** Rows read per statement: a keyset page of each table. */
export const EXPORT_BATCH_SIZE = 200;

const withDeletedAt = <T extends object>(value: T, deletedAt: Date | null) => ({
  ...value,
  deletedAt: deletedAt?.toISOString() ?? null,
});

const exportedTodo = (row: TodoRow) => withDeletedAt(toTodo(row), row.deletedAt);

/**
 * Writes the account export (accountExportSchema) through `emit`, a batch at a time, from one
 * REPEATABLE READ READ ONLY transaction: every statement reads the same snapshot, so the
 * document is consistent however long the client takes, and nothing is built whole in memory.
 */
export function writeExport(
  db: Database,
  userId: string,
  emit: (text: string) => Promise<void>,
): Promise<void> {
  return db.transaction(
    async (tx) => {
      const account = await findAccount(tx, userId);
      // Deleted since the request was authenticated: the body ends short (an error, logged).
      if (!account) throw userGone();
      const { nowMs, ...user } = account;
      const head = { exportedAt: new Date(nowMs).toISOString(), user };
      await emit(`${JSON.stringify(head).slice(0, -1)},"todos":[`);
      await emitAll(tx, todos, userId, exportedTodo, emit);
      await emit("]}");
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** Every row of the owner's in `table`, serialized, comma-separated, in id order. */
async function emitAll<T extends OwnedTable>(
  tx: Database,
  table: T,
  userId: string,
  serialize: (row: T["$inferSelect"]) => unknown,
  emit: (text: string) => Promise<void>,
): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const rows = await ownedRowsAfter(tx, table, userId, after, EXPORT_BATCH_SIZE);
    if (rows.length === 0) return;
    const text = rows.map((row) => JSON.stringify(serialize(row))).join(",");
    await emit(after === undefined ? text : `,${text}`);
    if (rows.length < EXPORT_BATCH_SIZE) return;
    after = rows.at(-1)?.id;
  }
}
