ALTER TABLE "messages" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "messages_running_lease_idx" ON "messages" USING btree ("lease_until") WHERE "messages"."status" = 'running';--> statement-breakpoint
-- Runs started before leases existed get the longest a run may live (30 minutes) from their start.
UPDATE "messages" SET "lease_until" = "created_at" + interval '30 minutes' WHERE "status" = 'running';