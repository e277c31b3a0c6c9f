ALTER TABLE "workspace_servers" ADD COLUMN "approval_policy" text DEFAULT 'deny' NOT NULL;--> statement-breakpoint
-- Servers published before approval existed ran every tool; they keep doing so until their owner chooses "deny".
UPDATE "workspace_servers" SET "approval_policy" = 'allow';--> statement-breakpoint
UPDATE "published_servers" SET "approval_policy" = 'allow';
