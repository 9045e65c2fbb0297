import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  unique,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { instant } from "./instant";
import { ownedRowKeys } from "./owned";

/** A user's project: a todo belongs to at most one (todos.project_id). Soft-deleted like todos. */
export const projects = pgTable(
  "projects",
  {
    ...ownedRowKeys(),
    name: varchar("name", { length: 100 }).notNull(),
    /** One of the palette in @repo/contracts (the API refuses any other). */
    color: varchar("color", { length: 16 }).notNull(),
    archived: boolean("archived").notNull().default(false),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    deletedAt: instant("deleted_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    // The target of todos' (user_id, project_id) foreign key: a todo can only ever point at a
    // project of its own owner, whatever the application does.
    unique("projects_user_id_id_key").on(t.userId, t.id),
    // Names are unique per user ignoring case, among live projects (a deleted one frees its name).
    // It also serves the list sorted by name, as a range scan.
    uniqueIndex("projects_user_live_name_key")
      .on(t.userId, sql`lower(${t.name})`)
      .where(sql`${t.deletedAt} is null`),
    index("projects_user_live_created_idx")
      .on(t.userId, t.createdAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    index("projects_deleted_idx").on(t.deletedAt).where(sql`${t.deletedAt} is not null`),
  ],
);

export type ProjectRow = typeof projects.$inferSelect;
export type NewProjectRow = typeof projects.$inferInsert;
