-- Custom part: the trigram operator class comes from pg_trgm, which drizzle-kit cannot create from the schema; and
-- IF NOT EXISTS keeps indexes an operator built beforehand with CREATE INDEX CONCURRENTLY (docs/performance.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "conversations_title_trgm_idx" ON "conversations" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "messages_content_trgm_idx" ON "messages" USING gin ("content" gin_trgm_ops);
