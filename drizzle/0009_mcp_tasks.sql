CREATE TABLE "mcp_tasks" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"version_id" text NOT NULL,
	"owner_scope" text NOT NULL,
	"job_id" text NOT NULL,
	"status" text DEFAULT 'working' NOT NULL,
	"status_message" text,
	"progress" integer DEFAULT 0 NOT NULL,
	"request" jsonb,
	"protocol_version" text NOT NULL,
	"client_name" text,
	"client_version" text,
	"result" jsonb,
	"error" jsonb,
	"ttl_ms" integer NOT NULL,
	"poll_interval_ms" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mcp_tasks" ADD CONSTRAINT "mcp_tasks_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mcp_tasks_expires_idx" ON "mcp_tasks" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "mcp_tasks_status_idx" ON "mcp_tasks" USING btree ("status");