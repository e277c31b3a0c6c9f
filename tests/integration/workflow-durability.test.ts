// A workflow run as a durable job: resumed after its process died without running finished nodes again, stopped,
// held to its limits, refused before anything is stored, and removed with its conversation.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sweepInterruptedRuns } from "@/server/agent/run-leases";
import { appConfigSchema } from "@/server/apps/app-config";
import { getAppOrThrow } from "@/server/apps/apps";
import { getDb } from "@/server/db";
import { listMessages } from "@/server/db/queries/conversations";
import { deleteConversationBatch } from "@/server/db/queries/retention";
import { finishWorkflowRun, insertWorkflowRun, listNodeRuns, markWorkflowRunRunning, upsertNodeRun } from "@/server/db/queries/workflow-runs";
import { conversations, workflowNodeRuns, workflowRuns } from "@/server/db/schema";
import { jobRecoverySeconds } from "@/server/jobs/types";
import { runWorkflowJob } from "@/server/workflows/run-workflow";
import { abandonedRunMessage, sweepAbandonedWorkflowRuns } from "@/server/workflows/workflow-worker";
import { getWorkflowRun, waitForWorkflowRun } from "@/server/workflows/workflow-runs";
import { createWorkflowApp, wfEdge, wfNode } from "../support/workflow-apps";

const wait = (workspaceId: string, runId: string) => waitForWorkflowRun({ workspaceId, runId, signal: AbortSignal.timeout(25_000) });
const job = (workspaceId: string, runId: string, attempt: number) => ({ id: runId, data: { workspaceId, runId }, attempt, signal: new AbortController().signal });

function chain(limits = {}) {
  return createWorkflowApp({
    limits,
    variables: [{ key: "name", label: "Name", type: "text", required: true }],
    nodes: [
      wfNode("start", "start"),
      wfNode("greet", "template", { template: "Hello {{start.name}}" }),
      wfNode("check", "if-else", { conditions: [{ left: "greet.text", operator: "is-not-empty", right: "" }] }),
      wfNode("shout", "template", { template: "{{greet.text}}!" }),
      wfNode("end", "end", { outputs: [{ name: "said", type: "string", value: "shout.text" }] }),
    ],
    edges: [wfEdge("start", "greet"), wfEdge("greet", "check"), wfEdge("check", "shout", "true"), wfEdge("shout", "end")],
  });
}

/** A run stored as the job would have begun it, without queueing its job: the test runs the job itself. */
async function storedRun(made: Awaited<ReturnType<typeof chain>>) {
  const { workspaceId, app, userId } = made;
  const config = appConfigSchema.parse((await getAppOrThrow({ workspaceId, id: app.id })).draft);
  const db = await getDb();
  const inputs = { name: "Ada" };
  const ids = await insertWorkflowRun(db, {
    workspaceId,
    appId: app.id,
    appVersionId: null,
    conversation: { appId: app.id, appVersionId: null, source: "debug", inputs, title: "name: Ada", createdBy: userId },
    query: "name: Ada",
    inputs,
    snapshot: { graph: config.workflow!, variables: config.variables, mode: "workflow" },
    createdBy: userId,
  });
  await markWorkflowRunRunning(db, { workspaceId, id: ids.runId });
  return { db, ...ids };
}

describe("a durable workflow run", () => {
  it("that no process holds any more (its job out of attempts) is failed by the sweep once past its own time limit", async () => {
    const made = await chain();
    const { db, runId, messageId, conversationId } = await storedRun(made);
    const { workspaceId } = made;
    await upsertNodeRun(db, { runId, workspaceId, itemIndex: null, nodeId: "greet", nodeType: "template", status: "running", startedAt: new Date() });
    const limitMs = 600_000 + 4 * jobRecoverySeconds * 1000;
    // Within its limit (and the time a resume takes to start) it may still be resumed: left alone.
    await sweepAbandonedWorkflowRuns({ now: new Date(Date.now() + limitMs - 5_000) });
    expect((await getWorkflowRun({ workspaceId, runId }))!.status).toBe("running");
    await sweepAbandonedWorkflowRuns({ now: new Date(Date.now() + limitMs + 5_000) });
    const run = (await getWorkflowRun({ workspaceId, runId }))!;
    expect(run).toMatchObject({ status: "failed", error: abandonedRunMessage });
    expect(run.nodeRuns.find((row) => row.nodeId === "greet")).toMatchObject({ status: "failed", error: abandonedRunMessage });
    expect((await listMessages(db, { workspaceId, conversationId })).find((m) => m.id === messageId)).toMatchObject({ status: "failed" });
  });

  it("resumes after a crash: finished nodes keep their rows and outputs, the node left running runs again, the run ends once", async () => {
    const made = await chain();
    const { db, runId, messageId, conversationId } = await storedRun(made);
    const { workspaceId } = made;
    const before = new Date(Date.now() - 60_000);
    const done = { runId, workspaceId, itemIndex: null, status: "completed" as const, startedAt: before, finishedAt: before, durationMs: 1 };
    await upsertNodeRun(db, { ...done, nodeId: "start", nodeType: "start", outputs: { name: "Ada" } });
    // Not what Template would make now: proof that the stored output feeds the nodes after it.
    await upsertNodeRun(db, { ...done, nodeId: "greet", nodeType: "template", outputs: { text: "Stored greeting" } });
    await upsertNodeRun(db, { runId, workspaceId, itemIndex: null, nodeId: "check", nodeType: "if-else", status: "running", startedAt: before });
    // The answer has no lease: the sweep leaves a run whose job can still resume.
    await sweepInterruptedRuns();
    expect((await listMessages(db, { workspaceId, conversationId })).find((m) => m.id === messageId)!.status).toBe("running");

    await runWorkflowJob(job(workspaceId, runId, 1));
    const run = (await getWorkflowRun({ workspaceId, runId }))!;
    expect(run).toMatchObject({ status: "completed", outputs: { said: "Stored greeting!" } });
    const rows = new Map(run.nodeRuns.map((row) => [row.nodeId, row]));
    expect(rows.get("start")!.startedAt.getTime()).toBe(before.getTime());
    expect(rows.get("greet")!.startedAt.getTime()).toBe(before.getTime());
    expect(rows.get("check")).toMatchObject({ status: "completed", branch: "true" });
    expect(rows.get("check")!.startedAt.getTime()).toBeGreaterThan(before.getTime());
    expect(run.nodeRuns).toHaveLength(5);

    // Ends once: a second delivery of the job, and a late stop, change nothing.
    await runWorkflowJob(job(workspaceId, runId, 1));
    expect(await finishWorkflowRun(db, { workspaceId, id: runId, status: "stopped", error: null, outputs: null, usage: null, content: "" })).toBe(false);
    const after = (await getWorkflowRun({ workspaceId, runId }))!;
    expect(after.status).toBe("completed");
    expect(after.finishedAt!.getTime()).toBe(run.finishedAt!.getTime());
    const answer = (await listMessages(db, { workspaceId, conversationId })).find((m) => m.id === messageId)!;
    expect(answer).toMatchObject({ status: "completed", leaseUntil: null });
    expect(JSON.parse(answer.content)).toEqual({ said: "Stored greeting!" });
  });

  it("a run cut off by its process stopping is left to resume; cut off again on its last attempt, it fails clearly", async () => {
    const made = await chain();
    const { runId } = await storedRun(made);
    const goingAway = (attempt: number) => ({ ...job(made.workspaceId, runId, attempt), signal: AbortSignal.abort(new Error("job queue stopped")) });
    await expect(runWorkflowJob(goingAway(0))).rejects.toThrow(/interrupted/);
    expect((await getWorkflowRun({ workspaceId: made.workspaceId, runId }))!.status).toBe("running");
    await runWorkflowJob(goingAway(1));
    expect(await getWorkflowRun({ workspaceId: made.workspaceId, runId })).toMatchObject({
      status: "failed",
      error: "The server stopped while this run was under way, more than once. Run it again.",
    });
  });

  it("stopRun stops a queued run and its answer; its job does not bring it back", async () => {
    const { caller, app, workspaceId } = await chain();
    const started = await caller.workflows.runDraft({ appId: app.id, inputs: { name: "Ada" } });
    expect(await caller.workflows.stopRun({ runId: started.runId })).toEqual({ stopped: true });
    expect((await wait(workspaceId, started.runId)).status).toBe("stopped");
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const run = (await getWorkflowRun({ workspaceId, runId: started.runId }))!;
    expect(run.status).toBe("stopped");
    const answer = (await listMessages(await getDb(), { workspaceId, conversationId: started.conversationId }))[1]!;
    expect(answer.status).toBe("stopped");
    expect(await caller.workflows.stopRun({ runId: started.runId })).toEqual({ stopped: false });
  });

  it("stopRun stops a running run: no node runs after it, none left running", async () => {
    const { caller, app, workspaceId } = await createWorkflowApp({
      // Long enough to be stopped midway on a fast embedded database too: 1000 items of five steps each.
      limits: { maxIterationItems: 1000, maxNodeRuns: 10_000 },
      variables: [{ key: "list", label: "List", type: "json", required: true }],
      nodes: [
        wfNode("start", "start"),
        wfNode("loop", "iteration", { items: "start.list.words", output: "say.text" }),
        ...["s1", "s2", "s3", "s4", "say"].map((id) => wfNode(id, "template", { template: "{{loop.item}}" }, { parentId: "loop" })),
        wfNode("end", "end", { outputs: [{ name: "said", type: "array", value: "loop.results" }] }),
      ],
      edges: [wfEdge("start", "loop"), wfEdge("s1", "s2"), wfEdge("s2", "s3"), wfEdge("s3", "s4"), wfEdge("s4", "say"), wfEdge("loop", "end")],
    });
    const words = Array.from({ length: 1000 }, (_, i) => `w${i}`);
    const started = await caller.workflows.runDraft({ appId: app.id, inputs: { list: { words } } });
    const count = async () => (await listNodeRuns(await getDb(), { workspaceId, runId: started.runId })).length;
    const deadline = Date.now() + 15_000;
    while ((await count()) < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await caller.workflows.stopRun({ runId: started.runId })).toEqual({ stopped: true });
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const settled = await count();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const run = (await getWorkflowRun({ workspaceId, runId: started.runId }))!;
    expect(run.status).toBe("stopped");
    expect(run.nodeRuns).toHaveLength(settled);
    expect(settled).toBeLessThan(5002);
    expect(run.nodeRuns.filter((row) => row.status === "running")).toEqual([]);
    expect(run.nodeRuns.find((row) => row.nodeId === "loop")).toMatchObject({ status: "failed", error: "The run was stopped." });
  });
});

describe("a workflow's limits", () => {
  it("maxNodeRuns stops a run with its message", async () => {
    const { caller, app, workspaceId } = await chain({ maxNodeRuns: 2 });
    const run = await wait(workspaceId, (await caller.workflows.runDraft({ appId: app.id, inputs: { name: "Ada" } })).runId);
    expect(run.status).toBe("failed");
    expect(run.error).toBe("The run reached its limit of 2 node runs (maxNodeRuns) before check.");
    expect(run.nodeRuns.map((row) => row.nodeId)).toEqual(["start", "greet"]);
  });

  it("maxIterationItems fails an Iteration whose list is longer", async () => {
    const { caller, app, workspaceId } = await createWorkflowApp({
      limits: { maxIterationItems: 2 },
      variables: [{ key: "list", label: "List", type: "json", required: true }],
      nodes: [
        wfNode("start", "start"),
        wfNode("loop", "iteration", { items: "start.list.words", output: "say.text" }, { title: "Each word" }),
        wfNode("say", "template", { template: "{{loop.item}}" }, { parentId: "loop" }),
        wfNode("end", "end", { outputs: [{ name: "said", type: "array", value: "loop.results" }] }),
      ],
      edges: [wfEdge("start", "loop"), wfEdge("loop", "end")],
    });
    const started = await caller.workflows.runDraft({ appId: app.id, inputs: { list: { words: ["a", "b", "c"] } } });
    const run = await wait(workspaceId, started.runId);
    expect(run).toMatchObject({ status: "failed", error: "Each word: The list has 3 items, more than this workflow's limit of 2 (maxIterationItems)." });
    expect(run.nodeRuns.filter((row) => row.nodeId === "say")).toEqual([]);
  });

  it("maxRunSeconds fails a run that runs past it, counted from its first start", async () => {
    const made = await chain({ maxRunSeconds: 1 });
    const { db, runId } = await storedRun(made);
    await db.execute(sql`update workflow_runs set started_at = now() - interval '5 seconds' where id = ${runId}`);
    await runWorkflowJob(job(made.workspaceId, runId, 1));
    const run = (await getWorkflowRun({ workspaceId: made.workspaceId, runId }))!;
    expect(run).toMatchObject({ status: "failed", error: "The run took longer than its limit of 1 second (maxRunSeconds)." });
    expect(run.nodeRuns.filter((row) => row.status === "running")).toEqual([]);
  });
});

describe("what is refused or removed", () => {
  const stored = async (appId: string) => {
    const db = await getDb();
    return {
      runs: (await db.select().from(workflowRuns).where(eq(workflowRuns.appId, appId))).length,
      conversations: (await db.select().from(conversations).where(eq(conversations.appId, appId))).length,
    };
  };

  it("runDraft refuses bad inputs and a graph with problems, clearly, storing nothing", async () => {
    const { caller, app } = await chain();
    await expect(caller.workflows.runDraft({ appId: app.id, inputs: {} })).rejects.toThrow(/"Name" \(name\)/);
    const broken = await createWorkflowApp({
      nodes: [wfNode("start", "start"), wfNode("t", "template", { template: "" }, { title: "Empty text" }), wfNode("end", "end", { outputs: [{ name: "x", type: "string", value: "t.text" }] })],
      edges: [wfEdge("start", "t"), wfEdge("t", "end")],
    });
    await expect(broken.caller.workflows.runDraft({ appId: broken.app.id, inputs: {} })).rejects.toThrow(/^Fix the workflow before running it: Empty text: /);
    expect(await broken.caller.workflows.check({ appId: broken.app.id })).toContainEqual(expect.objectContaining({ nodeId: "t" }));
    await expect(broken.caller.apps.publish({ id: broken.app.id })).rejects.toThrow(/^Fix the workflow before publishing: /);
    expect(await stored(app.id)).toEqual({ runs: 0, conversations: 0 });
    expect(await stored(broken.app.id)).toEqual({ runs: 0, conversations: 0 });
    // A sound graph publishes without an app-level model (its nodes name theirs).
    await expect(caller.apps.publish({ id: app.id })).resolves.toMatchObject({ version: 1 });
  });

  it("deleting the app, or retention, removes its workflow runs and node runs", async () => {
    const first = await chain();
    const a = await first.caller.workflows.runDraft({ appId: first.app.id, inputs: { name: "Ada" } });
    await wait(first.workspaceId, a.runId);
    expect((await listNodeRuns(await getDb(), { workspaceId: first.workspaceId, runId: a.runId })).length).toBeGreaterThan(0);
    await first.caller.apps.delete({ id: first.app.id });
    const db = await getDb();
    expect(await db.select().from(workflowRuns).where(eq(workflowRuns.id, a.runId))).toEqual([]);
    expect(await db.select().from(workflowNodeRuns).where(eq(workflowNodeRuns.runId, a.runId))).toEqual([]);

    const second = await chain();
    const b = await second.caller.workflows.runDraft({ appId: second.app.id, inputs: { name: "Bo" } });
    await wait(second.workspaceId, b.runId);
    await deleteConversationBatch(db, { workspaceId: second.workspaceId, before: new Date(Date.now() + 60_000), limit: 100 });
    expect(await stored(second.app.id)).toEqual({ runs: 0, conversations: 0 });
    expect(await db.select().from(workflowNodeRuns).where(eq(workflowNodeRuns.runId, b.runId))).toEqual([]);
  });
});
