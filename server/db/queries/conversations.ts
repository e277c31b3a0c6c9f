import "server-only";
import { and, asc, eq, inArray, lt, sql, type Placeholder } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { preparedPerDb } from "@/server/db/prepared";
import { conversations, messages, toolCalls, type Message, type TokenUsage, type ToolApproval, type ToolCall } from "@/server/db/schema";

type RunStatus = Message["status"];

// 1. Conversations -----------------------------------------------------------------------------------------------

export async function findConversation(db: Tx, { workspaceId, appId, id }: { workspaceId: string; appId: string; id: string }) {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.appId, appId), eq(conversations.id, id)));
  return row ?? null;
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

export function listMessages(db: Tx, { workspaceId, conversationId }: { workspaceId: string; conversationId: string }) {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.conversationId, conversationId)))
    // A user message and its answer can share a timestamp: the question comes first.
    .orderBy(asc(messages.createdAt), sql`${messages.role} = 'assistant'`);
}

/** A running answer's text and usage so far, stored between tool rounds. */
export async function saveProgress(db: Tx, { workspaceId, id, ...values }: { workspaceId: string; id: string; content: string; usage: TokenUsage }) {
  await db.update(messages).set(values).where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, id)));
}

// 3. Runs: one statement to start a turn, one to finish it ------------------------------------------------------

export interface NewConversation {
  appId: string;
  appVersionId: string | null;
  source: "debug" | "mcp" | "api";
  inputs: Record<string, unknown>;
  title: string;
  createdBy: string | null;
}

/**
 * Opens a turn: creates the conversation (or touches the one it continues) and stores the question with a
 * "running" answer. One statement, so it is atomic without a transaction and costs one round trip and one commit.
 */
export async function startTurn(
  db: Tx,
  {
    workspaceId,
    conversation,
    query,
    model,
    leaseSeconds,
  }: { workspaceId: string; conversation: { id: string } | NewConversation; query: string; model: string; leaseSeconds: number },
) {
  const now = new Date();
  const answerId = crypto.randomUUID();
  const turn = { workspaceId, questionId: crypto.randomUUID(), answerId, query, model, leaseSeconds, now };
  if ("id" in conversation) {
    await continueTurnQuery(db).execute({ ...turn, conversationId: conversation.id });
    return { conversationId: conversation.id, answerId };
  }
  const conversationId = crypto.randomUUID();
  await newTurnQuery(db).execute({ ...turn, ...conversation, conversationId });
  return { conversationId, answerId };
}

const p = sql.placeholder;
/** Lease ends by the database's clock, which every instance shares, rather than each instance's own. */
const leaseFrom = (seconds: number | Placeholder) => sql`now() + make_interval(secs => ${seconds})`;
/** A placeholder where drizzle's types want the column's own type: update .set() encodes it like a value (jsonb, timestamps). */
const setTo = <T>(name: string) => sql.placeholder(name) as unknown as T;

/** The question and its "running" answer; the foreign key is checked at the end of the statement, when the conversation row exists. */
const turnMessages = [
  { id: p("questionId"), workspaceId: p("workspaceId"), conversationId: p("conversationId"), role: "user" as const, content: p("query"), status: "completed" as const },
  {
    id: p("answerId"),
    workspaceId: p("workspaceId"),
    conversationId: p("conversationId"),
    role: "assistant" as const,
    content: "",
    status: "running" as const,
    model: p("model"),
    leaseUntil: leaseFrom(p("leaseSeconds")),
  },
];

const newTurnQuery = preparedPerDb((db) => {
  const opened = db.$with("opened").as(
    db
      .insert(conversations)
      .values({
        id: p("conversationId"),
        workspaceId: p("workspaceId"),
        appId: p("appId"),
        appVersionId: p("appVersionId"),
        source: p("source"),
        inputs: p("inputs"),
        title: p("title"),
        createdBy: p("createdBy"),
        createdAt: p("now"),
        updatedAt: p("now"),
      })
      .returning({ id: conversations.id }),
  );
  return db.with(opened).insert(messages).values(turnMessages).prepare("start_new_turn");
});

const continueTurnQuery = preparedPerDb((db) => {
  const opened = db.$with("opened").as(
    db
      .update(conversations)
      .set({ updatedAt: setTo<Date>("now") })
      .where(and(eq(conversations.workspaceId, p("workspaceId")), eq(conversations.id, p("conversationId"))))
      .returning({ id: conversations.id }),
  );
  return db.with(opened).insert(messages).values(turnMessages).prepare("continue_turn");
});

/**
 * Closes a turn: the answer's final state, any tool call it left running, and the conversation's last activity,
 * in one statement.
 */
export async function finishTurn(
  db: Tx,
  turn: { workspaceId: string; conversationId: string; messageId: string; toolCallStatus: RunStatus; content: string; status: RunStatus; error: string | null; usage: TokenUsage },
) {
  await finishTurnQuery(db).execute({ ...turn, now: new Date() });
}

const finishTurnQuery = preparedPerDb((db) => {
  const closed = db.$with("closed").as(
    db
      .update(toolCalls)
      .set({ status: setTo<RunStatus>("toolCallStatus") })
      .where(and(eq(toolCalls.workspaceId, p("workspaceId")), eq(toolCalls.messageId, p("messageId")), eq(toolCalls.status, "running")))
      .returning({ id: toolCalls.id }),
  );
  const touched = db.$with("touched").as(
    db
      .update(conversations)
      .set({ updatedAt: setTo<Date>("now") })
      .where(and(eq(conversations.workspaceId, p("workspaceId")), eq(conversations.id, p("conversationId"))))
      .returning({ id: conversations.id }),
  );
  return db
    .with(closed, touched)
    .update(messages)
    .set({
      content: setTo<string>("content"),
      status: setTo<RunStatus>("status"),
      error: setTo<string | null>("error"),
      usage: setTo<TokenUsage>("usage"),
      finishedAt: setTo<Date>("now"),
    })
    .where(and(eq(messages.workspaceId, p("workspaceId")), eq(messages.id, p("messageId"))))
    .prepare("finish_turn");
});

// 4. Tool calls --------------------------------------------------------------------------------------------------

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

/** Who decided on a call that asked first, and how; set once, before the call runs or is refused. */
export async function setToolCallApproval(db: Tx, { workspaceId, id, approval }: { workspaceId: string; id: string; approval: ToolApproval }) {
  await db.update(toolCalls).set({ approval }).where(and(eq(toolCalls.workspaceId, workspaceId), eq(toolCalls.id, id)));
}

// 5. Run leases: how a dead process's runs are found ------------------------------------------------------------

/** Extends the leases of the runs this process is still working on. */
export async function renewLeases(db: Tx, { ids, leaseSeconds }: { ids: string[]; leaseSeconds: number }) {
  if (ids.length === 0) return;
  await db
    .update(messages)
    .set({ leaseUntil: leaseFrom(leaseSeconds) })
    .where(and(inArray(messages.id, ids), eq(messages.status, "running")));
}

/**
 * Runs still "running" whose lease lapsed (or every running run, with `all`) died with their process: mark them
 * "interrupted", with the tool calls they left running. Spans workspaces on purpose: a maintenance sweep, not a
 * tenant lookup.
 */
export async function markInterruptedRuns(db: Tx, { all = false }: { all?: boolean } = {}) {
  const interrupted = await db
    .update(messages)
    .set({ status: "interrupted", finishedAt: new Date(), leaseUntil: null, error: "The server stopped while this answer was being written." })
    .where(and(eq(messages.status, "running"), all ? undefined : lt(messages.leaseUntil, sql`now()`)))
    .returning({ id: messages.id });
  const ids = interrupted.map((m) => m.id);
  const calls = ids.length
    ? await db
        .update(toolCalls)
        .set({ status: "interrupted" })
        .where(and(eq(toolCalls.status, "running"), inArray(toolCalls.messageId, ids)))
        .returning({ id: toolCalls.id })
    : [];
  return { messages: ids.length, toolCalls: calls.length };
}
