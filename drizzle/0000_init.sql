CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"last_activity_at" timestamp with time zone,
	"mode" text NOT NULL,
	"environment" text NOT NULL,
	"institution" text,
	"username" text,
	"login_id" text,
	"request_id" text,
	"tag" text,
	"language" text,
	"status" text NOT NULL,
	"flinks_code" text,
	"parent_id" uuid,
	"step_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mfa_continuations" (
	"inspection_id" uuid PRIMARY KEY NOT NULL,
	"authorize_token" text NOT NULL,
	"request_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"endpoint" text NOT NULL,
	"method" text NOT NULL,
	"url" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"http_status" integer,
	"flinks_code" text,
	"outcome" text NOT NULL,
	"request" jsonb,
	"response" jsonb,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "mfa_continuations" ADD CONSTRAINT "mfa_continuations_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steps" ADD CONSTRAINT "steps_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspections_created_idx" ON "inspections" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "inspections_institution_idx" ON "inspections" USING btree (lower("institution"),"created_at","id");--> statement-breakpoint
CREATE INDEX "inspections_login_id_idx" ON "inspections" USING btree ("login_id","created_at","id");--> statement-breakpoint
CREATE INDEX "inspections_request_id_idx" ON "inspections" USING btree ("request_id","created_at","id");--> statement-breakpoint
CREATE INDEX "inspections_tag_idx" ON "inspections" USING btree ("tag","created_at","id");--> statement-breakpoint
CREATE INDEX "inspections_status_idx" ON "inspections" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "inspections_parent_idx" ON "inspections" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "mfa_continuations_expires_idx" ON "mfa_continuations" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "steps_inspection_seq_idx" ON "steps" USING btree ("inspection_id","seq");