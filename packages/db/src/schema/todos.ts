import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  smallint,
  text,
  unique,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { instant } from "./instant";
import { ownedRowKeys } from "./owned";
import { projects } from "./projects";

export const todos = pgTable(
  "todos",
  {
    ...ownedRowKeys(),
    title: varchar("title", { length: 255 }).notNull(),
    description: text("description"),
    completed: boolean("completed").notNull().default(false),
    /** When `completed` last became true; null while it is false. Set by the API, never a client. */
    completedAt: instant("completed_at"),
    dueAt: instant("due_at"),
    /** 1 (low) to 4 (urgent); the contract names the levels. */
    priority: smallint("priority").notNull().default(2),
    /** The owner's project, or none; the foreign key includes the owner (see below). */
    projectId: uuid("project_id"),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    deletedAt: instant("deleted_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    // The target of todo_labels' (user_id, todo_id) foreign key.
    unique("todos_user_id_id_key").on(t.userId, t.id),
    // A todo can only point at a project of its own owner. No action on delete: a project is
    // soft-deleted (its todos detached in the same transaction) and only ever removed with its
    // owner, whose todos go in the same statement.
    foreignKey({
      name: "todos_project_fk",
      columns: [t.userId, t.projectId],
      foreignColumns: [projects.userId, projects.id],
    }),
    check("todos_priority_check", sql`${t.priority} between 1 and 4`),
    // Serves the default list (a user's live todos, newest first, ties by id) as an index range
    // scan with no Sort node: PostgreSQL walks it backwards for `-createdAt` and forwards for
    // `createdAt`. Ascending on purpose: drizzle-kit writes `.desc()` as DESC NULLS LAST, which
    // does not match the plain `ORDER BY … DESC` drizzle emits.
    index("todos_user_live_created_idx")
      .on(t.userId, t.createdAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    // The same for the `updatedAt` / `-updatedAt` sorts.
    index("todos_user_live_updated_idx")
      .on(t.userId, t.updatedAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    // A project's todos (and the todos in none), in the default order: a range scan per project.
    index("todos_user_live_project_idx")
      .on(t.userId, t.projectId, t.createdAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    // The `dueAt` sort (undated last: ASC puts nulls last) and the due-date filters.
    index("todos_user_live_due_idx").on(t.userId, t.dueAt, t.id).where(sql`${t.deletedAt} is null`),
    // The `priority` and `-priority` sorts, forwards and backwards.
    index("todos_user_live_priority_idx")
      .on(t.userId, t.priority, t.id)
      .where(sql`${t.deletedAt} is null`),
    // Title search (`q`): `ILIKE '%…%'` through trigrams (pg_trgm), keyed by owner too (btree_gin),
    // so a search reads only the owner's matching rows, however many other users' titles match.
    // GIN queues new entries in a pending list that every search reads until it is merged; 256 kB
    // (not 4 MB) keeps that read small and inserts cheap (docs/performance.md).
    index("todos_user_live_title_trgm_idx")
      .using("gin", t.userId, t.title.op("gin_trgm_ops"))
      .where(sql`${t.deletedAt} is null`)
      .with({ gin_pending_list_limit: 256 }),
    // The purge of todos soft-deleted long ago.
    index("todos_deleted_idx").on(t.deletedAt).where(sql`${t.deletedAt} is not null`),
  ],
);

export type TodoRow = typeof todos.$inferSelect;
export type NewTodoRow = typeof todos.$inferInsert;
