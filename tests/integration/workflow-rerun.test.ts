// Re-run from a node and the Logs' per-run traces: a new run that keeps the earlier nodes' runs (copied, not run
// again), uses the person's edited outputs, refuses what does not fit, and a conversation's runs listed with their nodes.
import { describe, expect, it } from "vitest";
import { waitForWorkflowRun } from "@/server/workflows/workflow-runs";
import { createWorkflowApp, wfEdge, wfNode } from "../support/workflow-apps";

const wait = (workspaceId: string, runId: string) => waitForWorkflowRun({ workspaceId, runId, signal: AbortSignal.timeout(25_000) });

function twoTemplates() {
  return createWorkflowApp({
    variables: [{ key: "name", label: "Name", type: "text", required: true }],
    nodes: [
      wfNode("start", "start"),
      wfNode("first", "template", { template: "Hello {{start.name}}" }, { title: "First" }),
      wfNode("second", "template", { template: "{{first.text}}, welcome" }, { title: "Second" }),
      wfNode("end", "end", { outputs: [{ name: "greeting", type: "string", value: "second.text" }] }),
    ],
    edges: [wfEdge("start", "first"), wfEdge("first", "second"), wfEdge("second", "end")],
  });
}

describe("re-running a workflow from a node", () => {
  it("copies the nodes before it from the earlier run, uses the edited output, and runs the rest again", async () => {
    const { caller, app, workspaceId } = await twoTemplates();
    const started = await caller.workflows.runDraft({ appId: app.id, inputs: { name: "Ada" } });
    const before = await wait(workspaceId, started.runId);
    expect(before.outputs).toEqual({ greeting: "Hello Ada, welcome" });
    const firstBefore = before.nodeRuns.find((row) => row.nodeId === "first")!;

    const again = await caller.workflows.rerunFrom({ appId: app.id, runId: started.runId, nodeId: "second", outputs: { first: { text: "Hi there" } } });
    expect(again.runId).not.toBe(started.runId);
    expect(again.conversationId).not.toBe(started.conversationId);
    const after = await wait(workspaceId, again.runId);
    expect(after).toMatchObject({ status: "completed", outputs: { greeting: "Hi there, welcome" }, inputs: { name: "Ada" } });
    const byNode = new Map(after.nodeRuns.map((row) => [row.nodeId, row]));
    // Copied, not run again: the earlier run's start time and inputs, with the edited outputs.
    expect(byNode.get("first")).toMatchObject({ status: "completed", outputs: { text: "Hi there" }, inputs: firstBefore.inputs });
    expect(byNode.get("first")!.startedAt.getTime()).toBe(firstBefore.startedAt.getTime());
    expect(byNode.get("start")!.startedAt.getTime()).toBe(before.nodeRuns.find((row) => row.nodeId === "start")!.startedAt.getTime());
    // Run again: after the re-run was asked for.
    expect(byNode.get("second")).toMatchObject({ status: "completed", inputs: { template: "{{first.text}}, welcome" }, outputs: { text: "Hi there, welcome" } });
    expect(byNode.get("second")!.startedAt.getTime()).toBeGreaterThan(firstBefore.startedAt.getTime());
    expect(after.nodeRuns.map((row) => row.nodeId)).toEqual(["start", "first", "second", "end"]);
    // The earlier run is untouched.
    expect((await caller.workflows.getRun({ runId: started.runId })).outputs).toEqual({ greeting: "Hello Ada, welcome" });
  });

  it("keeps the earlier outputs when none are edited, and takes Start's edited values as the run's inputs", async () => {
    const { caller, app, workspaceId } = await twoTemplates();
    const started = await caller.workflows.runDraft({ appId: app.id, inputs: { name: "Ada" } });
    await wait(workspaceId, started.runId);
    const same = await caller.workflows.rerunFrom({ appId: app.id, runId: started.runId, nodeId: "end", outputs: {} });
    expect((await wait(workspaceId, same.runId)).outputs).toEqual({ greeting: "Hello Ada, welcome" });
    const renamed = await caller.workflows.rerunFrom({ appId: app.id, runId: started.runId, nodeId: "first", outputs: { start: { name: "Bo" } } });
    expect(await wait(workspaceId, renamed.runId)).toMatchObject({ status: "completed", inputs: { name: "Bo" }, outputs: { greeting: "Hello Bo, welcome" } });
  });

  it("keeps an Iteration before the node with its items' runs, and refuses a node inside an Iteration", async () => {
    const { caller, app, workspaceId } = await createWorkflowApp({
      variables: [{ key: "list", label: "List", type: "json", required: true }],
      nodes: [
        wfNode("start", "start"),
        wfNode("loop", "iteration", { items: "start.list.words", concurrency: 2, output: "say.text" }),
        wfNode("say", "template", { template: "#{{loop.index}} {{loop.item}}" }, { parentId: "loop" }),
        wfNode("join", "template", { template: "{{loop.results}}" }, { title: "Join" }),
        wfNode("end", "end", { outputs: [{ name: "joined", type: "string", value: "join.text" }] }),
      ],
      edges: [wfEdge("start", "loop"), wfEdge("loop", "join"), wfEdge("join", "end")],
    });
    const started = await caller.workflows.runDraft({ appId: app.id, inputs: { list: { words: ["a", "b"] } } });
    const before = await wait(workspaceId, started.runId);
    expect(before.status).toBe("completed");
    const again = await caller.workflows.rerunFrom({ appId: app.id, runId: started.runId, nodeId: "join", outputs: { loop: { results: ["x"] } } });
    const after = await wait(workspaceId, again.runId);
    expect(after).toMatchObject({ status: "completed", outputs: { joined: '["x"]' } });
    const says = after.nodeRuns.filter((row) => row.nodeId === "say");
    expect(says.map((row) => [row.itemIndex, row.outputs])).toEqual(before.nodeRuns.filter((row) => row.nodeId === "say").map((row) => [row.itemIndex, row.outputs]));
    expect(says.map((row) => row.startedAt.getTime())).toEqual(before.nodeRuns.filter((row) => row.nodeId === "say").map((row) => row.startedAt.getTime()));
    await expect(caller.workflows.rerunFrom({ appId: app.id, runId: started.runId, nodeId: "say", outputs: {} })).rejects.toThrow(/inside an Iteration/);
  });

  it("refuses another app's run, a node not in the draft, and edits of a node that does not come before it", async () => {
    const { caller, app, workspaceId } = await twoTemplates();
    const started = await caller.workflows.runDraft({ appId: app.id, inputs: { name: "Ada" } });
    await wait(workspaceId, started.runId);
    const other = await caller.apps.create({ type: "workflow", name: "Another" });
    await expect(caller.workflows.rerunFrom({ appId: other.id, runId: started.runId, nodeId: "second", outputs: {} })).rejects.toThrow(/does not exist/);
    await expect(caller.workflows.rerunFrom({ appId: app.id, runId: started.runId, nodeId: "nowhere", outputs: {} })).rejects.toThrow(/no longer in the workflow/);
    await expect(caller.workflows.rerunFrom({ appId: app.id, runId: started.runId, nodeId: "second", outputs: { end: { greeting: "x" } } })).rejects.toThrow(
      /does not come before Second/,
    );
    await expect(caller.workflows.rerunFrom({ appId: app.id, runId: started.runId, nodeId: "first", outputs: { ghost: { text: "x" } } })).rejects.toThrow(
      /does not come before First/,
    );
    await expect(
      caller.workflows.rerunFrom({ appId: app.id, runId: started.runId, nodeId: "second", outputs: { first: { text: "x".repeat(300_000) } } }),
    ).rejects.toThrow(/too long/);
    // A member of another workspace cannot re-run this run, even naming their own app.
    const stranger = await twoTemplates();
    await expect(stranger.caller.workflows.rerunFrom({ appId: stranger.app.id, runId: started.runId, nodeId: "second", outputs: {} })).rejects.toThrow(/does not exist/);
  });
});

describe("a conversation's runs for Logs", () => {
  it("lists each run of a chatflow conversation with its node runs, only in its own workspace", async () => {
    const { caller, app, workspaceId } = await createWorkflowApp({
      mode: "chatflow",
      nodes: [wfNode("start", "start"), wfNode("answer", "answer", { text: "You said {{start.query}}" })],
      edges: [wfEdge("start", "answer")],
    });
    const one = await caller.workflows.runDraft({ appId: app.id, query: "one" });
    await wait(workspaceId, one.runId);
    const two = await caller.workflows.runDraft({ appId: app.id, query: "two", conversationId: one.conversationId });
    await wait(workspaceId, two.runId);
    const runs = await caller.workflows.listRuns({ conversationId: one.conversationId });
    expect(runs.map((run) => [run.id, run.status, run.outputs])).toEqual([
      [one.runId, "completed", { answer: "You said one" }],
      [two.runId, "completed", { answer: "You said two" }],
    ]);
    expect(runs[1]!.nodeRuns.map((row) => [row.nodeId, row.status, row.outputs])).toEqual([
      ["start", "completed", { query: "two", conversation_id: one.conversationId }],
      ["answer", "completed", { text: "You said two" }],
    ]);
    const stranger = await twoTemplates();
    expect(await stranger.caller.workflows.listRuns({ conversationId: one.conversationId })).toEqual([]);
  });
});
