CREATE TYPE "public"."mcp_auth_mode" AS ENUM('none', 'oauth_auto', 'oauth_custom');--> statement-breakpoint
CREATE TYPE "public"."mcp_status" AS ENUM('unknown', 'connected', 'needs_authorization', 'error');--> statement-breakpoint
CREATE TYPE "public"."mcp_transport" AS ENUM('auto', 'streamable_http', 'sse');--> statement-breakpoint
CREATE TABLE "mcp_servers" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"identifier" text NOT NULL,
	"url" text NOT NULL,
	"icon" text DEFAULT '🔌' NOT NULL,
	"icon_background" text DEFAULT '#E0E7FF' NOT NULL,
	"transport" "mcp_transport" DEFAULT 'auto' NOT NULL,
	"headers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"connect_timeout_ms" integer DEFAULT 30000 NOT NULL,
	"call_timeout_ms" integer DEFAULT 60000 NOT NULL,
	"sse_read_timeout_ms" integer DEFAULT 300000 NOT NULL,
	"tools" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tools_updated_at" timestamp with time zone,
	"status" "mcp_status" DEFAULT 'unknown' NOT NULL,
	"status_reason" text,
	"status_at" timestamp with time zone,
	"auth_mode" "mcp_auth_mode" DEFAULT 'none' NOT NULL,
	"oauth_client_id" text,
	"oauth_client_secret_ciphertext" text,
	"oauth_scopes" text,
	"oauth_client_info_ciphertext" text,
	"oauth_tokens_ciphertext" text,
	"oauth_issuer" text,
	"oauth_token_expires_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mcp_servers_workspace_identifier" UNIQUE("workspace_id","identifier")
);
--> statement-breakpoint
ALTER TABLE "mcp_servers" ADD CONSTRAINT "mcp_servers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mcp_servers" ADD CONSTRAINT "mcp_servers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mcp_servers_workspace_idx" ON "mcp_servers" USING btree ("workspace_id");