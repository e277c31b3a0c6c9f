// A process that dies mid-run leaves its answer "running". Its lease then lapses, and the sweep (every instance's,
// every few seconds) turns it into "interrupted" while runs whose process still renews their lease are left alone.
// tests/e2e/crash-restart.spec.ts does the same with a real `next start` killed with SIGKILL.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { leaseSeconds, sweepInterruptedRuns } from "@/server/agent/run-leases";
import { startRun } from "@/server/agent/start-run";
import { getDb, getDbDriver } from "@/server/db";
import { insertToolCall, renewLeases } from "@/server/db/queries/conversations";
import { createTestApp, dumpRuns } from "../support/runtime";

async function startTwoRuns() {
  const app = await createTestApp("chat");
  const db = await getDb();
  const start = () =>
    startRun(db, { workspaceId: app.workspace.id, appId: app.app.id, appVersionId: null, config: app.config, appType: "chat", modelId: "m", inputs: {}, query: "Hi", source: "debug" });
  // As a killed process leaves them: question stored, answer "running", a tool call under way.
  const dead = await start();
  const live = await start();
  await insertToolCall(db, { workspaceId: app.workspace.id, messageId: dead.messageId, callId: "c1", round: 1, name: "t", arguments: {} });
  return { app, db, dead, live };
}

const lapse = (id: string) => sql`update messages set lease_until = now() - interval '1 second' where id = ${id}`;
const runsById = async (workspaceId: string) => new Map((await dumpRuns(workspaceId)).messages.map((m) => [m.id, m]));

describe("runs left behind by a dead process", () => {
  it("are marked interrupted once their lease lapses, with their tool calls; runs with a live lease go on", async () => {
    const { app, db, dead, live } = await startTwoRuns();
    const before = await runsById(app.workspace.id);
    // A new run's lease ends one lease period from now, by the database's clock.
    const leaseEnd = before.get(live.messageId)!.leaseUntil!.getTime();
    expect(leaseEnd - Date.now()).toBeGreaterThan((leaseSeconds - 5) * 1000);
    expect(leaseEnd - Date.now()).toBeLessThanOrEqual((leaseSeconds + 5) * 1000);

    await db.execute(lapse(dead.messageId));
    const swept = await sweepInterruptedRuns();
    expect(swept.messages).toBeGreaterThanOrEqual(1);
    const after = await runsById(app.workspace.id);
    expect(after.get(dead.messageId)).toMatchObject({ status: "interrupted", error: expect.stringMatching(/stopped while this answer/) });
    expect(after.get(live.messageId)!.status).toBe("running");
    const { toolCalls, messages } = await dumpRuns(app.workspace.id);
    expect(toolCalls.find((c) => c.messageId === dead.messageId)!.status).toBe("interrupted");
    expect(messages.filter((m) => m.role === "user").every((m) => m.status === "completed")).toBe(true);
  });

  it("renewing a lease keeps a run alive past its first lease; a finished run's lease is never renewed", async () => {
    const { app, db, dead, live } = await startTwoRuns();
    await db.execute(lapse(live.messageId));
    await db.execute(sql`update messages set status = 'completed' where id = ${dead.messageId}`);
    await renewLeases(db, { ids: [live.messageId, dead.messageId], leaseSeconds });
    await sweepInterruptedRuns();
    const after = await runsById(app.workspace.id);
    expect(after.get(live.messageId)!.status).toBe("running");
    expect(after.get(live.messageId)!.leaseUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(after.get(dead.messageId)!.status).toBe("completed");
  });

  it("at start-up, PGlite (one owning process) interrupts every running run; PostgreSQL only lapsed ones", async () => {
    const { app, live } = await startTwoRuns();
    await sweepInterruptedRuns({ atStart: true });
    const after = await runsById(app.workspace.id);
    expect(after.get(live.messageId)!.status).toBe((await getDbDriver()) === "pglite" ? "interrupted" : "running");
  });
});
