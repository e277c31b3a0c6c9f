CREATE TABLE "published_server_people" (
	"app_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "published_server_people_app_id_user_id_pk" PRIMARY KEY("app_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "oauth_server_clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"workspace_id" text,
	"name" text NOT NULL,
	"metadata_ciphertext" text NOT NULL,
	"created_by" text,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oauth_server_grants" (
	"grant_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"app_id" text NOT NULL,
	"user_id" text NOT NULL,
	"client_id" text NOT NULL,
	"client_name" text NOT NULL,
	"redirect_host" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "oauth_server_records" (
	"id" text PRIMARY KEY NOT NULL,
	"model" text NOT NULL,
	"grant_id" text,
	"uid_hash" text,
	"payload_ciphertext" text NOT NULL,
	"expires_at" timestamp with time zone,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "mcp_call_logs" ADD COLUMN "caller_user_id" text;--> statement-breakpoint
ALTER TABLE "mcp_call_logs" ADD COLUMN "oauth_client_id" text;--> statement-breakpoint
ALTER TABLE "mcp_call_logs" ADD COLUMN "oauth_client_name" text;--> statement-breakpoint
ALTER TABLE "published_servers" ADD COLUMN "access_mode" text DEFAULT 'url' NOT NULL;--> statement-breakpoint
ALTER TABLE "published_servers" ADD COLUMN "sign_in_restricted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "published_server_people" ADD CONSTRAINT "published_server_people_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_server_people" ADD CONSTRAINT "published_server_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_server_clients" ADD CONSTRAINT "oauth_server_clients_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_server_clients" ADD CONSTRAINT "oauth_server_clients_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_server_grants" ADD CONSTRAINT "oauth_server_grants_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_server_grants" ADD CONSTRAINT "oauth_server_grants_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_server_grants" ADD CONSTRAINT "oauth_server_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "oauth_server_clients_workspace_idx" ON "oauth_server_clients" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "oauth_server_clients_expires_idx" ON "oauth_server_clients" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "oauth_server_grants_app_idx" ON "oauth_server_grants" USING btree ("workspace_id","app_id");--> statement-breakpoint
CREATE INDEX "oauth_server_grants_user_idx" ON "oauth_server_grants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "oauth_server_grants_client_user_idx" ON "oauth_server_grants" USING btree ("client_id","user_id","app_id");--> statement-breakpoint
CREATE INDEX "oauth_server_records_grant_idx" ON "oauth_server_records" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "oauth_server_records_uid_idx" ON "oauth_server_records" USING btree ("uid_hash");--> statement-breakpoint
CREATE INDEX "oauth_server_records_expires_idx" ON "oauth_server_records" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "mcp_call_logs" ADD CONSTRAINT "mcp_call_logs_caller_user_id_users_id_fk" FOREIGN KEY ("caller_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;