-- Added by hand: drizzle-kit does not manage extensions. pg_trgm gives gin_trgm_ops (ILIKE through
-- trigrams); btree_gin lets user_id share the GIN index. Both ship with PostgreSQL (contrib), are
-- trusted (a database owner may create them, no superuser needed). IF NOT EXISTS on the index
-- lets a large database get it beforehand with CREATE INDEX CONCURRENTLY (see docs/performance.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "todos_user_live_title_trgm_idx" ON "todos" USING gin ("user_id","title" gin_trgm_ops) WITH (gin_pending_list_limit=256) WHERE "todos"."deleted_at" is null;