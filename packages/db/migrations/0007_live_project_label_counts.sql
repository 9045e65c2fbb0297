CREATE TABLE "label_counts" (
	"user_id" text PRIMARY KEY NOT NULL,
	"live" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_counts" (
	"user_id" text PRIMARY KEY NOT NULL,
	"live" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "label_counts" ADD CONSTRAINT "label_counts_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_counts" ADD CONSTRAINT "project_counts_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Every user who has projects or labels starts with the count of the live ones (the API keeps
-- them from here): soft-deleted projects do not count; labels have no soft delete.
INSERT INTO "project_counts" ("user_id", "live")
SELECT "user_id", count(*) FILTER (WHERE "deleted_at" IS NULL) FROM "projects" GROUP BY "user_id";--> statement-breakpoint
INSERT INTO "label_counts" ("user_id", "live")
SELECT "user_id", count(*) FROM "labels" GROUP BY "user_id";
