import type { Database } from "@repo/db/client";
import { todoLabels } from "@repo/db/schema";
import { sql } from "drizzle-orm";

/**
 * Makes `labelIds` the whole set of labels of the owner's todo, in one statement: the links not
 * in the set go, the missing ones come (the owner's id on each, as the foreign keys require).
 */
export async function replaceTodoLabels(
  tx: Database,
  userId: string,
  todoId: string,
  labelIds: readonly string[],
): Promise<void> {
  const ids = sql`${sql.param([...labelIds])}::uuid[]`;
  await tx.execute(sql`with removed as (
      delete from ${todoLabels}
      where ${todoLabels.todoId} = ${todoId} and ${todoLabels.userId} = ${userId}
        and ${todoLabels.labelId} <> all(${ids})
    )
    insert into ${todoLabels} (todo_id, label_id, user_id)
    select ${todoId}::uuid, label_id, ${userId} from unnest(${ids}) as label_id
    on conflict (todo_id, label_id) do nothing`);
}
