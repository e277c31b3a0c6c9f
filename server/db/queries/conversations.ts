import "server-only";
import { and, asc, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { conversations, messages, toolCalls, type Message, type TokenUsage, type ToolCall } from "@/server/db/schema";

type RunStatus = Message["status"];

// 1. Conversations -----------------------------------------------------------------------------------------------

export async function insertConversation(
  db: Tx,
  values: { workspaceId: string; appId: string; appVersionId: string | null; source: "debug" | "mcp" | "api"; inputs: Record<string, unknown>; title: string; createdBy: string | null },
) {
  // Timestamps from JS (millisecond precision) so the list cursor, also in milliseconds, compares exactly.
  const now = new Date();
  const [row] = await db.insert(conversations).values({ ...values, createdAt: now, updatedAt: now }).returning();
  return row!;
}

export async function findConversation(db: Tx, { workspaceId, appId, id }: { workspaceId: string; appId: string; id: string }) {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.appId, appId), eq(conversations.id, id)));
  return row ?? null;
}

export async function touchConversation(db: Tx, { workspaceId, id }: { workspaceId: string; id: string }) {
  await db
    .update(conversations)
    .set({ updatedAt: new Date() })
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)));
}

/** Newest first; `cursor` is the `nextCursor` of the previous page. */
export async function listConversations(
  db: Tx,
  { workspaceId, appId, limit = 20, cursor }: { workspaceId: string; appId: string; limit?: number; cursor?: string | null },
) {
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, workspaceId),
        eq(conversations.appId, appId),
        after
          ? or(lt(conversations.updatedAt, after.updatedAt), and(eq(conversations.updatedAt, after.updatedAt), lt(conversations.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(conversations.updatedAt), desc(conversations.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null };
}

function encodeCursor(updatedAt: Date, id: string) {
  return Buffer.from(`${updatedAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { updatedAt: Date; id: string } | null {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const updatedAt = new Date(iso ?? "");
  return id && !Number.isNaN(updatedAt.getTime()) ? { updatedAt, id } : null;
}

/** One conversation with its messages (oldest first), each with its tool calls, for the Logs page. */
export async function getConversation(db: Tx, { workspaceId, appId, id }: { workspaceId: string; appId: string; id: string }) {
  const conversation = await findConversation(db, { workspaceId, appId, id });
  if (!conversation) return null;
  const rows = await listMessages(db, { workspaceId, conversationId: id });
  const calls = rows.length
    ? await db
        .select()
        .from(toolCalls)
        .where(and(eq(toolCalls.workspaceId, workspaceId), inArray(toolCalls.messageId, rows.map((m) => m.id))))
        .orderBy(asc(toolCalls.round), asc(toolCalls.startedAt))
    : [];
  const byMessage = new Map<string, ToolCall[]>();
  for (const call of calls) byMessage.set(call.messageId, [...(byMessage.get(call.messageId) ?? []), call]);
  return { ...conversation, messages: rows.map((message) => ({ ...message, toolCalls: byMessage.get(message.id) ?? [] })) };
}

// 2. Messages ----------------------------------------------------------------------------------------------------

export async function listMessages(db: Tx, { workspaceId, conversationId }: { workspaceId: string; conversationId: string }) {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.conversationId, conversationId)))
    // A user message and its answer can share a timestamp: the question comes first.
    .orderBy(asc(messages.createdAt), sql`${messages.role} = 'assistant'`);
}

export async function insertMessage(
  db: Tx,
  values: { workspaceId: string; conversationId: string; role: "user" | "assistant"; content: string; status: RunStatus; model?: string | null },
) {
  const [row] = await db.insert(messages).values(values).returning();
  return row!;
}

export async function updateMessage(
  db: Tx,
  { workspaceId, id, ...values }: { workspaceId: string; id: string; content?: string; status?: RunStatus; error?: string | null; usage?: TokenUsage; finishedAt?: Date },
) {
  await db.update(messages).set(values).where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, id)));
}

// 3. Tool calls --------------------------------------------------------------------------------------------------

export async function insertToolCall(
  db: Tx,
  values: { workspaceId: string; messageId: string; callId: string; round: number; name: string; arguments: unknown },
) {
  const [row] = await db.insert(toolCalls).values({ ...values, status: "running" }).returning();
  return row!;
}

export async function updateToolCall(
  db: Tx,
  {
    workspaceId,
    id,
    ...values
  }: { workspaceId: string; id: string; status: RunStatus; result?: unknown; error?: string | null; isError: boolean; durationMs: number },
) {
  await db.update(toolCalls).set(values).where(and(eq(toolCalls.workspaceId, workspaceId), eq(toolCalls.id, id)));
}

/** Closes calls a run left open (it was stopped or failed while they ran). */
export async function closeRunningToolCalls(db: Tx, { workspaceId, messageId, status }: { workspaceId: string; messageId: string; status: RunStatus }) {
  await db
    .update(toolCalls)
    .set({ status })
    .where(and(eq(toolCalls.workspaceId, workspaceId), eq(toolCalls.messageId, messageId), eq(toolCalls.status, "running")));
}

// 4. Start-up sweep ----------------------------------------------------------------------------------------------

/**
 * Runs still "running" from before `startedBefore` died with their process: mark them "interrupted".
 * Spans workspaces on purpose (a maintenance sweep, not a tenant lookup). With several instances, pass a time
 * older than any live run could be, or a restart would mark another instance's live runs.
 */
export async function markInterruptedRuns(db: Tx, { startedBefore = new Date() }: { startedBefore?: Date } = {}) {
  const interruptedMessages = await db
    .update(messages)
    .set({ status: "interrupted", finishedAt: new Date(), error: "The server restarted while this answer was being written." })
    .where(and(eq(messages.status, "running"), lt(messages.createdAt, startedBefore)))
    .returning({ id: messages.id });
  const interruptedCalls = await db
    .update(toolCalls)
    .set({ status: "interrupted" })
    .where(and(eq(toolCalls.status, "running"), lt(toolCalls.startedAt, startedBefore)))
    .returning({ id: toolCalls.id });
  return { messages: interruptedMessages.length, toolCalls: interruptedCalls.length };
}
