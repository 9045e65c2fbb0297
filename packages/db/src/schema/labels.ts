import { sql } from "drizzle-orm";
import { index, integer, pgTable, unique, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { instant } from "./instant";
import { ownedRowKeys } from "./owned";

/**
 * A user's label: todos carry any number (up to the contract's cap) through todo_labels.
 * Deleting a label deletes it (no soft delete): its links go with it, by the foreign key.
 */
export const labels = pgTable(
  "labels",
  {
    ...ownedRowKeys(),
    name: varchar("name", { length: 50 }).notNull(),
    /** One of the palette in @repo/contracts (the API refuses any other). */
    color: varchar("color", { length: 16 }).notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    // The target of todo_labels' (user_id, label_id) foreign key.
    unique("labels_user_id_id_key").on(t.userId, t.id),
    // Unique per user ignoring case; also the list sorted by name.
    uniqueIndex("labels_user_name_key").on(t.userId, sql`lower(${t.name})`),
    index("labels_user_created_idx").on(t.userId, t.createdAt, t.id),
  ],
);

export type LabelRow = typeof labels.$inferSelect;
export type NewLabelRow = typeof labels.$inferInsert;
