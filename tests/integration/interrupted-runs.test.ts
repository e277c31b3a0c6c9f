// A process that dies mid-run leaves its answer "running"; the start-up sweep must turn it into "interrupted"
// (and, on PostgreSQL, leave runs young enough to belong to another live instance alone).
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { startRun } from "@/server/agent/start-run";
import { runLimits } from "@/server/agent/run-limits";
import { sweepInterruptedRuns } from "@/server/agent/sweep-interrupted-runs";
import { getDb, getDbDriver } from "@/server/db";
import { createTestApp, dumpRuns } from "../support/runtime";

describe("runs left behind by a dead process", () => {
  it("are marked interrupted at start-up, with the reason, and nothing else changes", async () => {
    const app = await createTestApp("chat");
    const db = await getDb();
    const start = () =>
      startRun(db, { workspaceId: app.workspace.id, appId: app.app.id, appVersionId: null, config: app.config, appType: "chat", modelId: "m", inputs: {}, query: "Hi", source: "debug" });
    const dead = await start(); // as a crashed process leaves it: question stored, answer "running"
    const live = await start();
    // Age the dead run past the longest a run may live, as a restart much later would see it.
    await db.execute(sql`update messages set created_at = now() - ${`${runLimits.maxRunMs + 60_000} milliseconds`}::interval where id = ${dead.messageId}`);

    const swept = await sweepInterruptedRuns();
    expect(swept.messages).toBeGreaterThanOrEqual(1);
    const { messages } = await dumpRuns(app.workspace.id);
    const byId = new Map(messages.map((m) => [m.id, m]));
    expect(byId.get(dead.messageId)).toMatchObject({ status: "interrupted", error: expect.stringMatching(/restarted/) });
    // PGlite is owned by one process, so every running row there is dead; PostgreSQL may host other live instances.
    expect(byId.get(live.messageId)!.status).toBe((await getDbDriver()) === "pglite" ? "interrupted" : "running");
    expect(messages.filter((m) => m.role === "user").every((m) => m.status === "completed")).toBe(true);
  });
});
