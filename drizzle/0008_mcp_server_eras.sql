CREATE TYPE "public"."mcp_connection_kind" AS ENUM('modern', 'session', 'stateless', 'sse');--> statement-breakpoint
ALTER TABLE "mcp_servers" ADD COLUMN "tools_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mcp_servers" ADD COLUMN "connection_kind" "mcp_connection_kind";--> statement-breakpoint
ALTER TABLE "mcp_servers" ADD COLUMN "protocol_version" text;