import type { Database } from "@repo/db/client";
import { toLabel } from "../labels/serialize";
import { toProject } from "../projects/serialize";
import { toTodo } from "../todos/serialize";
import { userGone } from "./account-gone";
import { labelBatch, projectBatch, todoBatch } from "./queries/export-batches";
import { findAccount } from "./queries/find-account";

/** Rows read per statement: a keyset page of each table. */
export const EXPORT_BATCH_SIZE = 200;

type Emit = (text: string) => Promise<void>;
type Batch<Row> = (
  db: Database,
  userId: string,
  after: string | undefined,
  size: number,
) => Promise<Row[]>;

/** As the API answers it, plus `deletedAt`. */
const withDeletedAt = <T extends object>(value: T, row: { deletedAt: Date | null }) => ({
  ...value,
  deletedAt: row.deletedAt?.toISOString() ?? null,
});

/**
 * Writes the account export (accountExportSchema) through `emit`, a batch at a time, from one
 * REPEATABLE READ READ ONLY transaction: every statement reads the same snapshot, so the
 * document is consistent however long the client takes, and nothing is built whole in memory.
 * Each resource goes through its own serializer, so the export follows the routes' shapes.
 */
export function writeExport(db: Database, userId: string, emit: Emit): Promise<void> {
  return db.transaction(
    async (tx) => {
      const account = await findAccount(tx, userId);
      // Deleted since the request was authenticated: the body ends short (an error, logged).
      if (!account) throw userGone();
      const { nowMs, ...user } = account;
      const head = { exportedAt: new Date(nowMs).toISOString(), user };
      await emit(`${JSON.stringify(head).slice(0, -1)},"todos":[`);
      await emitAll(tx, userId, todoBatch, (row) => withDeletedAt(toTodo(row), row), emit);
      await emit('],"projects":[');
      await emitAll(tx, userId, projectBatch, (row) => withDeletedAt(toProject(row), row), emit);
      await emit('],"labels":[');
      await emitAll(tx, userId, labelBatch, toLabel, emit);
      await emit("]}");
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** Every row `batch` reads, serialized, comma-separated, in id order. */
async function emitAll<Row extends { id: string }>(
  tx: Database,
  userId: string,
  batch: Batch<Row>,
  serialize: (row: Row) => unknown,
  emit: Emit,
): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const rows = await batch(tx, userId, after, EXPORT_BATCH_SIZE);
    if (rows.length === 0) return;
    const text = rows.map((row) => JSON.stringify(serialize(row))).join(",");
    await emit(after === undefined ? text : `,${text}`);
    if (rows.length < EXPORT_BATCH_SIZE) return;
    after = rows.at(-1)?.id;
  }
}
