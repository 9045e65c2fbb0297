import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { user } from "./auth";

/**
 * How many live (not soft-deleted) todos each user has, kept in the same statement or
 * transaction as every change that makes a todo live or not (create, soft delete, restore), so
 * the per-user cap is checked under this row's lock in O(1), however many todos the user has.
 */
export const todoCounts = pgTable("todo_counts", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  live: integer("live").notNull(),
});
