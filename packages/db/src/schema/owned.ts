import { text, uuid } from "drizzle-orm/pg-core";
import { v7 as uuidv7 } from "uuid";
import { user } from "./auth";

/**
 * The first two columns of every row a user owns (todos, projects, labels): a UUIDv7 id, time
 * ordered, and the owner, whose deletion takes the row with it.
 */
export const ownedRowKeys = () => ({
  id: uuid("id")
    .primaryKey()
    .$defaultFn(() => uuidv7()),
  userId: text("user_id")
    .notNull()
    .references(() => user.id, { onDelete: "cascade" }),
});
