import type { Database } from "@repo/db/client";
import { ownLive } from "../../resources/owned-table";
import type { NamedTable } from "../named-resource";

/** The owner's live row of `table` with this id (a project's or a label's, as `table` is). */
export const getNamedForUser = <T extends NamedTable>(
  db: Database,
  t: T,
  userId: string,
  id: string,
) =>
  db
    .select()
    .from(t as NamedTable)
    .where(ownLive(t, userId, id))
    .then(([row]) => row as T["$inferSelect"] | undefined);
