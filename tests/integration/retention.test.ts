// The retention job against a real database: what it removes, what it leaves, that it works in batches, that live
// inserts are never made to wait on it, and that an aborted run stops between batches.
import { count, eq, inArray, sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { conversations, mcpCallLogs, messages, toolCalls, workspaces } from "@/server/db/schema";
import { getJobQueue } from "@/server/jobs";
import { removeOldRecords } from "@/server/retention/remove-old-records";
import { retentionEveryMinutes, retentionQueue, startRetentionJob } from "@/server/retention/retention-job";
import { callerAs, createOwner } from "../support/fixtures";

const dayMs = 24 * 60 * 60 * 1000;

async function workspaceWithApp(retentionDays: number | null) {
  const { user, workspace } = await createOwner("retention");
  const app = await callerAs(user.id, workspace.id).apps.create({ type: "chat", name: "Kept or not" });
  const db = await getDb();
  await db.update(workspaces).set({ retentionDays }).where(eq(workspaces.id, workspace.id));
  return { workspaceId: workspace.id, appId: app.id };
}

/** `rows` call-log rows written `ageDays` ago, in one statement. */
async function seedCallLogs({ workspaceId, appId }: { workspaceId: string; appId: string }, ageDays: number, rows = 1) {
  const db = await getDb();
  await db.execute(sql`
    insert into mcp_call_logs (id, workspace_id, app_id, method, outcome, duration_ms, created_at)
    select gen_random_uuid()::text, ${workspaceId}, ${appId}, 'tools/call', 'ok', 1, now() - make_interval(days => ${ageDays})
    from generate_series(1, ${rows})`);
}

/** A conversation last active `ageDays` ago, with a user message, an answer and the answer's tool call. */
async function seedConversation({ workspaceId, appId }: { workspaceId: string; appId: string }, ageDays: number) {
  const db = await getDb();
  const at = new Date(Date.now() - ageDays * dayMs);
  const [conversation] = await db.insert(conversations).values({ workspaceId, appId, source: "mcp", createdAt: at, updatedAt: at }).returning();
  const [, answer] = await db
    .insert(messages)
    .values([
      { workspaceId, conversationId: conversation!.id, role: "user", content: "hi", createdAt: at },
      { workspaceId, conversationId: conversation!.id, role: "assistant", content: "hello", createdAt: at },
    ])
    .returning();
  await db.insert(toolCalls).values({ workspaceId, messageId: answer!.id, callId: "call-1", round: 1, name: "lookup", status: "completed", startedAt: at });
  return { id: conversation!.id, messageIds: [answer!.id] };
}

async function countRows(workspaceId: string) {
  const db = await getDb();
  const of = async (table: typeof mcpCallLogs | typeof conversations | typeof messages | typeof toolCalls) =>
    (await db.select({ n: count() }).from(table).where(eq(table.workspaceId, workspaceId)))[0]!.n;
  return { callLogs: await of(mcpCallLogs), conversations: await of(conversations), messages: await of(messages), toolCalls: await of(toolCalls) };
}

describe("the retention job", () => {
  it("removes call logs and conversations older than the period, with their messages and tool calls, and keeps newer ones", async () => {
    const ws = await workspaceWithApp(30);
    for (const age of [400, 31, 29, 1]) await seedCallLogs(ws, age);
    const old = await seedConversation(ws, 45);
    const recent = await seedConversation(ws, 3);

    const removed = await removeOldRecords();

    expect(removed).toMatchObject({ callLogs: 2, conversations: 1, stopped: false });
    expect(await countRows(ws.workspaceId)).toEqual({ callLogs: 2, conversations: 1, messages: 2, toolCalls: 1 });
    const db = await getDb();
    const left = await db.select({ id: conversations.id }).from(conversations).where(eq(conversations.workspaceId, ws.workspaceId));
    expect(left).toEqual([{ id: recent.id }]);
    expect(await db.select().from(toolCalls).where(inArray(toolCalls.messageId, old.messageIds))).toEqual([]);
  });

  it("leaves workspaces alone whose period is longer or who keep everything", async () => {
    const longer = await workspaceWithApp(365);
    const forever = await workspaceWithApp(null);
    for (const ws of [longer, forever]) {
      await seedCallLogs(ws, 200, 3);
      await seedConversation(ws, 200);
    }

    await removeOldRecords();

    for (const ws of [longer, forever]) {
      expect(await countRows(ws.workspaceId)).toEqual({ callLogs: 3, conversations: 1, messages: 2, toolCalls: 1 });
    }
  });

  it("removes every old row over many batches of the given size, a tenth as many conversations at a time", async () => {
    const ws = await workspaceWithApp(7);
    await seedCallLogs(ws, 10, 1_050);
    await seedCallLogs(ws, 2, 5);
    for (let i = 0; i < 3; i++) await seedConversation(ws, 10);
    const batches: Record<string, number[]> = { mcp_call_logs: [], conversations: [] };

    const removed = await removeOldRecords({
      batchSize: 100,
      onBatch: (batch) => batch.workspaceId === ws.workspaceId && batches[batch.table]!.push(batch.rows),
    });

    expect(removed.callLogs).toBeGreaterThanOrEqual(1_050);
    expect(batches.mcp_call_logs).toEqual([...Array(10).fill(100), 50]);
    expect(batches.conversations).toEqual([3]);
    expect(await countRows(ws.workspaceId)).toEqual({ callLogs: 5, conversations: 0, messages: 0, toolCalls: 0 });
    for (let i = 0; i < 3; i++) await seedConversation(ws, 10);
    batches.conversations = [];
    await removeOldRecords({ batchSize: 10, onBatch: (batch) => batch.workspaceId === ws.workspaceId && batches[batch.table]!.push(batch.rows) });
    expect(batches.conversations).toEqual([1, 1, 1, 0]);
  });

  it("stops between batches once its signal aborts, and the next run goes on", async () => {
    const ws = await workspaceWithApp(7);
    await seedCallLogs(ws, 10, 300);
    const controller = new AbortController();

    const first = await removeOldRecords({
      batchSize: 100,
      signal: controller.signal,
      onBatch: (batch) => batch.workspaceId === ws.workspaceId && controller.abort(),
    });

    expect(first).toMatchObject({ callLogs: 100, conversations: 0, stopped: true });
    expect((await countRows(ws.workspaceId)).callLogs).toBe(200);
    await removeOldRecords({ batchSize: 100 });
    expect((await countRows(ws.workspaceId)).callLogs).toBe(0);
  });

  it("runs on the shared job queue when a job reaches its queue, as the schedule sends one", async () => {
    const ws = await workspaceWithApp(7);
    await seedCallLogs(ws, 10, 20);
    await startRetentionJob();
    await getJobQueue().enqueue(retentionQueue, {});
    const until = Date.now() + 20_000;
    while ((await countRows(ws.workspaceId)).callLogs > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await countRows(ws.workspaceId)).callLogs).toBe(0);
  });

  it("refuses a batch size that is not a positive whole number", async () => {
    await expect(removeOldRecords({ batchSize: 0 })).rejects.toThrow(RangeError);
    await expect(removeOldRecords({ batchSize: 2.5 })).rejects.toThrow(RangeError);
  });
});

describe.runIf(process.env.DATABASE_URL)("the retention job beside live traffic (PostgreSQL)", () => {
  it("is scheduled once for every instance, every 30 minutes, in pg-boss's schedule table", async () => {
    await startRetentionJob();
    await startRetentionJob();
    const reader = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const rows = await reader`select cron from pgboss.schedule where name = ${retentionQueue}`.finally(() => reader.end());
    expect([...rows]).toEqual([{ cron: `*/${retentionEveryMinutes} * * * *` }]);
  });

  it("never makes inserts on another connection wait for a lock, even with lock_timeout at 1 s", async () => {
    const ws = await workspaceWithApp(30);
    await seedCallLogs(ws, 60, 60_000);
    for (let i = 0; i < 20; i++) await seedConversation(ws, 60);
    const live = await seedConversation(ws, 0);
    // One connection, so the session's lock_timeout applies to every statement below.
    const other = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await other`set lock_timeout = '1s'`;
    let inserts = 0;
    let done = false;
    const writeOnce = async () => {
      await other`insert into mcp_call_logs (id, workspace_id, app_id, method, outcome, duration_ms)
        values (gen_random_uuid()::text, ${ws.workspaceId}, ${ws.appId}, 'tools/call', 'ok', 1)`;
      await other`insert into messages (id, conversation_id, workspace_id, role, content)
        values (gen_random_uuid()::text, ${live.id}, ${ws.workspaceId}, 'user', 'still here')`;
      await other`update conversations set updated_at = now() where id = ${live.id}`;
      inserts += 1;
    };
    const insertsAtBatch: number[] = [];

    try {
      await writeOnce();
      const writer = (async () => {
        while (!done) await writeOnce();
      })();
      // Records how far the writer got at each batch; a writer that fails (lock timeout) fails the test.
      const run = removeOldRecords({ batchSize: 500, onBatch: () => insertsAtBatch.push(inserts) }).finally(() => (done = true));
      const [removed] = await Promise.all([run, writer.finally(() => (done = true))]);
      expect(removed.callLogs).toBe(60_000);
      expect(removed.conversations).toBe(20);
    } finally {
      await other.end();
    }
    // The writer kept committing while the run was between its first and its last batch.
    expect(insertsAtBatch.at(-1)!).toBeGreaterThan(insertsAtBatch[0]!);
    const db = await getDb();
    const [liveMessages] = await db.select({ n: count() }).from(messages).where(eq(messages.conversationId, live.id));
    expect(liveMessages!.n).toBe(2 + inserts);
    expect((await countRows(ws.workspaceId)).callLogs).toBe(inserts);
  });
});
