import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { user } from "./auth";

/**
 * How many live rows of one kind each user has, kept in the same statement or transaction as
 * every change that makes one live or not (create, delete, restore), so the per-user cap on
 * that kind is checked under the user's count row lock in O(1), however many rows the user has.
 * One table per kind: a user's writers of one kind never wait on those of another.
 */
const liveCounts = <Name extends string>(name: Name) =>
  pgTable(name, {
    userId: text("user_id")
      .primaryKey()
      .references(() => user.id, { onDelete: "cascade" }),
    live: integer("live").notNull(),
  });

/** Todos that are not soft-deleted. */
export const todoCounts = liveCounts("todo_counts");
/** Projects that are not soft-deleted. */
export const projectCounts = liveCounts("project_counts");
/** Labels (they have no soft delete: every one is live). */
export const labelCounts = liveCounts("label_counts");

export type LiveCountTable = typeof todoCounts | typeof projectCounts | typeof labelCounts;
