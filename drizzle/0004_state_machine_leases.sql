ALTER TABLE "inspections" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "mfa_continuations" ADD COLUMN "challenges" jsonb;--> statement-breakpoint
ALTER TABLE "mfa_continuations" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "mfa_continuations" ADD COLUMN "answering_until" timestamp with time zone;