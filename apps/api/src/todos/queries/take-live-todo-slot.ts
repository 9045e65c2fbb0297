import type { Database } from "@repo/db/client";
import { liveTodoSlot } from "./live-todo-slot";

/** liveTodoSlot as a statement of its own (a restore); true when the owner was under `limit`. */
export async function takeLiveTodoSlot(
  db: Database,
  userId: string,
  limit: number,
): Promise<boolean> {
  const result = await db.execute(liveTodoSlot(userId, limit));
  return result.rows.length > 0;
}
