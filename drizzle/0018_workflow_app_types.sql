ALTER TYPE "public"."app_type" ADD VALUE 'workflow';--> statement-breakpoint
ALTER TYPE "public"."app_type" ADD VALUE 'chatflow';