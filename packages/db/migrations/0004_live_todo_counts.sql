CREATE TABLE "todo_counts" (
	"user_id" text PRIMARY KEY NOT NULL,
	"live" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "todo_counts" ADD CONSTRAINT "todo_counts_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Every user who has todos starts with the count of the live ones (the API keeps it from here).
INSERT INTO "todo_counts" ("user_id", "live")
SELECT "user_id", count(*) FILTER (WHERE "deleted_at" IS NULL) FROM "todos" GROUP BY "user_id";
