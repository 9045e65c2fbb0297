CREATE TABLE "labels" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" varchar(50) NOT NULL,
	"color" varchar(16) NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "labels_user_id_id_key" UNIQUE("user_id","id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" varchar(100) NOT NULL,
	"color" varchar(16) NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "projects_user_id_id_key" UNIQUE("user_id","id")
);
--> statement-breakpoint
CREATE TABLE "todo_labels" (
	"todo_id" uuid NOT NULL,
	"label_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "todo_labels_todo_id_label_id_pk" PRIMARY KEY("todo_id","label_id")
);
--> statement-breakpoint
-- Before the foreign keys that name (user_id, id) as their target.
ALTER TABLE "todos" ADD CONSTRAINT "todos_user_id_id_key" UNIQUE("user_id","id");--> statement-breakpoint
ALTER TABLE "todos" ADD COLUMN "completed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "todos" ADD COLUMN "due_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "todos" ADD COLUMN "priority" smallint DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "todos" ADD COLUMN "project_id" uuid;--> statement-breakpoint
ALTER TABLE "labels" ADD CONSTRAINT "labels_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "todo_labels" ADD CONSTRAINT "todo_labels_todo_fk" FOREIGN KEY ("user_id","todo_id") REFERENCES "public"."todos"("user_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "todo_labels" ADD CONSTRAINT "todo_labels_label_fk" FOREIGN KEY ("user_id","label_id") REFERENCES "public"."labels"("user_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "labels_user_name_key" ON "labels" USING btree ("user_id",lower("name"));--> statement-breakpoint
CREATE INDEX "labels_user_created_idx" ON "labels" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_user_live_name_key" ON "projects" USING btree ("user_id",lower("name")) WHERE "projects"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "projects_user_live_created_idx" ON "projects" USING btree ("user_id","created_at","id") WHERE "projects"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "projects_deleted_idx" ON "projects" USING btree ("deleted_at") WHERE "projects"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "todo_labels_label_idx" ON "todo_labels" USING btree ("label_id","todo_id");--> statement-breakpoint
ALTER TABLE "todos" ADD CONSTRAINT "todos_project_fk" FOREIGN KEY ("user_id","project_id") REFERENCES "public"."projects"("user_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "todos_user_live_project_idx" ON "todos" USING btree ("user_id","project_id","created_at","id") WHERE "todos"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "todos_user_live_due_idx" ON "todos" USING btree ("user_id","due_at","id") WHERE "todos"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "todos_user_live_priority_idx" ON "todos" USING btree ("user_id","priority","id") WHERE "todos"."deleted_at" is null;--> statement-breakpoint
ALTER TABLE "todos" ADD CONSTRAINT "todos_priority_check" CHECK ("todos"."priority" between 1 and 4);--> statement-breakpoint
-- Todos completed before completedAt existed: the time of their last change is the best known.
UPDATE "todos" SET "completed_at" = "updated_at" WHERE "completed";
