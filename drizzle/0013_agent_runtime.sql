CREATE TABLE "mcp_person_connections" (
	"server_id" text NOT NULL,
	"user_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"status" "mcp_status" DEFAULT 'unknown' NOT NULL,
	"status_reason" text,
	"status_at" timestamp with time zone,
	"oauth_tokens_ciphertext" text,
	"oauth_issuer" text,
	"oauth_token_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mcp_person_connections_server_id_user_id_pk" PRIMARY KEY("server_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "tool_calls" ADD COLUMN "approval" jsonb;--> statement-breakpoint
ALTER TABLE "mcp_servers" ADD COLUMN "credential_scope" text DEFAULT 'shared' NOT NULL;--> statement-breakpoint
ALTER TABLE "published_servers" ADD COLUMN "approval_policy" text DEFAULT 'deny' NOT NULL;--> statement-breakpoint
ALTER TABLE "mcp_person_connections" ADD CONSTRAINT "mcp_person_connections_server_id_mcp_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."mcp_servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mcp_person_connections" ADD CONSTRAINT "mcp_person_connections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mcp_person_connections_user_idx" ON "mcp_person_connections" USING btree ("workspace_id","user_id");