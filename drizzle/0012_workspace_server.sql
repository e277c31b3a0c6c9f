CREATE TABLE "workspace_server_apps" (
	"app_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"included" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_servers" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"code_hash" text NOT NULL,
	"code_ciphertext" text NOT NULL,
	"access_mode" text DEFAULT 'url' NOT NULL,
	"sign_in_restricted" boolean DEFAULT false NOT NULL,
	"include_new_apps" boolean DEFAULT true NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspace_servers_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
ALTER TABLE "published_server_people" DROP CONSTRAINT "published_server_people_app_id_user_id_pk";--> statement-breakpoint
ALTER TABLE "mcp_call_logs" ALTER COLUMN "app_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "published_server_keys" ALTER COLUMN "app_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "published_server_people" ALTER COLUMN "app_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "oauth_server_grants" ALTER COLUMN "app_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "apps" ADD COLUMN "tool_annotations" jsonb;--> statement-breakpoint
ALTER TABLE "mcp_call_logs" ADD COLUMN "workspace_server" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "workspace_server_apps" ADD CONSTRAINT "workspace_server_apps_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_servers" ADD CONSTRAINT "workspace_servers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mcp_call_logs_workspace_server_idx" ON "mcp_call_logs" USING btree ("workspace_id","created_at") WHERE "mcp_call_logs"."workspace_server";--> statement-breakpoint
ALTER TABLE "published_server_people" ADD CONSTRAINT "published_server_people_unique" UNIQUE NULLS NOT DISTINCT("workspace_id","app_id","user_id");