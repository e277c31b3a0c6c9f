DROP INDEX "conversations_app_idx";--> statement-breakpoint
DROP INDEX "mcp_call_logs_app_idx";--> statement-breakpoint
DROP INDEX "mcp_call_logs_workspace_server_idx";--> statement-breakpoint
CREATE INDEX "conversations_app_source_idx" ON "conversations" USING btree ("workspace_id","app_id","source","updated_at","id");--> statement-breakpoint
CREATE INDEX "conversations_updated_idx" ON "conversations" USING btree ("workspace_id","updated_at");--> statement-breakpoint
CREATE INDEX "mcp_call_logs_app_outcome_idx" ON "mcp_call_logs" USING btree ("workspace_id","app_id","outcome","created_at","id");--> statement-breakpoint
CREATE INDEX "mcp_call_logs_app_method_idx" ON "mcp_call_logs" USING btree ("workspace_id","app_id","method","created_at","id");--> statement-breakpoint
CREATE INDEX "mcp_call_logs_workspace_server_outcome_idx" ON "mcp_call_logs" USING btree ("workspace_id","outcome","created_at","id") WHERE "mcp_call_logs"."workspace_server";--> statement-breakpoint
CREATE INDEX "mcp_call_logs_workspace_server_method_idx" ON "mcp_call_logs" USING btree ("workspace_id","method","created_at","id") WHERE "mcp_call_logs"."workspace_server";--> statement-breakpoint
CREATE INDEX "mcp_call_logs_caller_idx" ON "mcp_call_logs" USING btree ("workspace_id","caller_user_id","created_at","id") WHERE "mcp_call_logs"."caller_user_id" is not null;--> statement-breakpoint
CREATE INDEX "mcp_call_logs_oauth_client_idx" ON "mcp_call_logs" USING btree ("workspace_id","oauth_client_id","created_at","id") WHERE "mcp_call_logs"."oauth_client_id" is not null;--> statement-breakpoint
CREATE INDEX "mcp_call_logs_conversation_idx" ON "mcp_call_logs" USING btree ("workspace_id","conversation_id","created_at") WHERE "mcp_call_logs"."conversation_id" is not null;--> statement-breakpoint
CREATE INDEX "mcp_call_logs_created_idx" ON "mcp_call_logs" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "conversations_app_idx" ON "conversations" USING btree ("workspace_id","app_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "mcp_call_logs_app_idx" ON "mcp_call_logs" USING btree ("workspace_id","app_id","created_at","id");--> statement-breakpoint
CREATE INDEX "mcp_call_logs_workspace_server_idx" ON "mcp_call_logs" USING btree ("workspace_id","created_at","id") WHERE "mcp_call_logs"."workspace_server";