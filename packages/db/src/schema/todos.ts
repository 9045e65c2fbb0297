import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { v7 as uuidv7 } from "uuid";
import { user } from "./auth";

// Milliseconds, not PostgreSQL's default microseconds: a JavaScript Date (and the API's
// RFC 3339 timestamps) carry milliseconds, so every stored value round-trips exactly and a
// keyset cursor built from one can never skip a row that shares the millisecond.
const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const todos = pgTable(
  "todos",
  {
    id: uuid("id")
      .primaryKey()
      .$defaultFn(() => uuidv7()),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    title: varchar("title", { length: 255 }).notNull(),
    description: text("description"),
    completed: boolean("completed").notNull().default(false),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    deletedAt: instant("deleted_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
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
