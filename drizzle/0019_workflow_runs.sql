CREATE TYPE "public"."workflow_node_run_status" AS ENUM('running', 'completed', 'failed', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."workflow_run_status" AS ENUM('queued', 'running', 'completed', 'failed', 'stopped');--> statement-breakpoint
CREATE TABLE "workflow_node_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"node_id" text NOT NULL,
	"node_type" text NOT NULL,
	"item_index" integer,
	"status" "workflow_node_run_status" NOT NULL,
	"inputs" jsonb,
	"outputs" jsonb,
	"error" text,
	"branch" text,
	"usage" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	CONSTRAINT "workflow_node_runs_node_item" UNIQUE NULLS NOT DISTINCT("run_id","node_id","item_index")
);
--> statement-breakpoint
CREATE TABLE "workflow_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"app_id" text NOT NULL,
	"app_version_id" text,
	"conversation_id" text NOT NULL,
	"message_id" text NOT NULL,
	"status" "workflow_run_status" DEFAULT 'queued' NOT NULL,
	"inputs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"outputs" jsonb,
	"error" text,
	"snapshot" jsonb NOT NULL,
	"usage" jsonb,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "workflow_node_runs" ADD CONSTRAINT "workflow_node_runs_run_id_workflow_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."workflow_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_runs" ADD CONSTRAINT "workflow_runs_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workflow_node_runs_started_idx" ON "workflow_node_runs" USING btree ("run_id","started_at");--> statement-breakpoint
CREATE INDEX "workflow_runs_message_idx" ON "workflow_runs" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "workflow_runs_app_idx" ON "workflow_runs" USING btree ("workspace_id","app_id","created_at");