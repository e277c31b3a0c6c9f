// The workflow engine end to end: runs through the tRPC router and the real job queue, each node run stored, branches
// skipped, an Iteration's items collected in order, and the run's answer stored on its conversation.
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { eq } from "drizzle-orm";
import { listMessages } from "@/server/db/queries/conversations";
import { mcpServers } from "@/server/db/schema";
import { waitForWorkflowRun } from "@/server/workflows/workflow-runs";
import { createWorkflowApp, wfEdge, wfNode } from "../support/workflow-apps";

const wait = (workspaceId: string, runId: string, onNodeRun?: (row: { nodeId: string; status: string }) => void) =>
  waitForWorkflowRun({ workspaceId, runId, signal: AbortSignal.timeout(25_000), onNodeRun });

function branching() {
  return createWorkflowApp({
    variables: [
      { key: "name", label: "Name", type: "text", required: true },
      { key: "loud", label: "Loud", type: "checkbox" },
    ],
    nodes: [
      wfNode("start", "start"),
      wfNode("greet", "template", { template: "Hello {{start.name}}" }, { title: "Greet" }),
      wfNode("check", "if-else", { conditions: [{ left: "start.loud", operator: "is-true", right: "" }] }),
      wfNode("shout", "template", { template: "{{greet.text}}!!!" }),
      wfNode("whisper", "template", { template: "({{greet.text}})" }),
      wfNode("end", "end", { outputs: [{ name: "greeting", type: "string", value: "greet.text" }] }),
    ],
    edges: [
      wfEdge("start", "greet"),
      wfEdge("greet", "check"),
      wfEdge("check", "shout", "true"),
      wfEdge("check", "whisper", "false"),
      wfEdge("shout", "end"),
      wfEdge("whisper", "end"),
    ],
  });
}

describe("a workflow run", () => {
  it("runs Start -> Template -> If/Else -> End, storing each node's inputs and outputs and skipping the untaken branch", async () => {
    const { caller, app, workspaceId } = await branching();
    const started = await caller.workflows.runDraft({ appId: app.id, inputs: { name: "Ada", loud: true } });
    const told: string[] = [];
    const run = await wait(workspaceId, started.runId, (row) => told.push(`${row.nodeId}:${row.status}`));
    expect(run).toMatchObject({ status: "completed", outputs: { greeting: "Hello Ada" }, error: null, appVersionId: null });
    const byNode = new Map(run.nodeRuns.map((row) => [row.nodeId, row]));
    expect(byNode.get("start")).toMatchObject({ status: "completed", outputs: { name: "Ada", loud: true }, itemIndex: null });
    expect(byNode.get("greet")).toMatchObject({ status: "completed", inputs: { template: "Hello {{start.name}}" }, outputs: { text: "Hello Ada" } });
    expect(byNode.get("check")).toMatchObject({ status: "completed", branch: "true" });
    expect(byNode.get("shout")).toMatchObject({ status: "completed", outputs: { text: "Hello Ada!!!" } });
    expect(byNode.get("whisper")).toMatchObject({ status: "skipped", outputs: null });
    expect(byNode.get("end")).toMatchObject({ status: "completed", outputs: { greeting: "Hello Ada" } });
    expect(byNode.get("greet")!.durationMs).toBeGreaterThanOrEqual(0);
    // Each ended node run is told once.
    expect(told.sort()).toEqual(["check:completed", "end:completed", "greet:completed", "shout:completed", "start:completed", "whisper:skipped"]);
    // The run's conversation: the inputs as the question, the End outputs as the answer.
    const messages = await listMessages(await getDb(), { workspaceId, conversationId: started.conversationId });
    expect(messages.map((m) => [m.role, m.status])).toEqual([["user", "completed"], ["assistant", "completed"]]);
    expect(messages[0]!.content).toBe("name: Ada, loud: true");
    expect(JSON.parse(messages[1]!.content)).toEqual({ greeting: "Hello Ada" });
    expect(messages[1]!.id).toBe(started.messageId);
    // Readable through the router too.
    expect((await caller.workflows.getRun({ runId: started.runId })).status).toBe("completed");
  });

  it("takes the false branch when the condition does not hold", async () => {
    const { caller, app, workspaceId } = await branching();
    const started = await caller.workflows.runDraft({ appId: app.id, inputs: { name: "Bo", loud: false } });
    const run = await wait(workspaceId, started.runId);
    const status = Object.fromEntries(run.nodeRuns.map((row) => [row.nodeId, row.status]));
    expect(status).toMatchObject({ check: "completed", shout: "skipped", whisper: "completed", end: "completed" });
    expect(run.nodeRuns.find((row) => row.nodeId === "check")!.branch).toBe("false");
  });

  it("runs an Iteration's body once per item, two at a time, and collects the results in item order", async () => {
    const { caller, app, workspaceId } = await createWorkflowApp({
      variables: [{ key: "list", label: "List", type: "json", required: true }],
      nodes: [
        wfNode("start", "start"),
        wfNode("loop", "iteration", { items: "start.list.words", concurrency: 2, output: "say.text" }),
        wfNode("say", "template", { template: "#{{loop.index}} {{loop.item}}" }, { parentId: "loop" }),
        wfNode("end", "end", { outputs: [{ name: "said", type: "array", value: "loop.results" }] }),
      ],
      edges: [wfEdge("start", "loop"), wfEdge("loop", "end")],
    });
    const words = ["a", "b", "c", "d", "e"];
    const started = await caller.workflows.runDraft({ appId: app.id, inputs: { list: { words } } });
    const run = await wait(workspaceId, started.runId);
    expect(run.error).toBeNull();
    expect(run.outputs).toEqual({ said: words.map((w, i) => `#${i} ${w}`) });
    const items = run.nodeRuns.filter((row) => row.nodeId === "say");
    expect(items.map((row) => row.itemIndex).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(items.every((row) => row.status === "completed")).toBe(true);
    expect(run.nodeRuns.find((row) => row.nodeId === "loop")).toMatchObject({ itemIndex: null, status: "completed" });
  });

  it("a chatflow answers in its conversation and continues it on the next turn", async () => {
    const { caller, app, workspaceId } = await createWorkflowApp({
      mode: "chatflow",
      nodes: [wfNode("start", "start"), wfNode("answer", "answer", { text: "You said: {{start.query}}" })],
      edges: [wfEdge("start", "answer")],
    });
    const first = await caller.workflows.runDraft({ appId: app.id, query: "hi" });
    expect((await wait(workspaceId, first.runId)).outputs).toEqual({ answer: "You said: hi" });
    const second = await caller.workflows.runDraft({ appId: app.id, query: "again", conversationId: first.conversationId });
    expect(second.conversationId).toBe(first.conversationId);
    await wait(workspaceId, second.runId);
    const messages = await listMessages(await getDb(), { workspaceId, conversationId: first.conversationId });
    expect(messages.map((m) => m.content)).toEqual(["hi", "You said: hi", "again", "You said: again"]);
  });

  it("a failing node fails the run with the node's title and message", async () => {
    const { caller, app, workspaceId } = await createWorkflowApp({
      nodes: [wfNode("start", "start"), wfNode("fetch", "http", { url: "http://127.0.0.1:9/x" }, { title: "Fetch" }), wfNode("end", "end", { outputs: [{ name: "status", type: "number", value: "fetch.status" }] })],
      edges: [wfEdge("start", "fetch"), wfEdge("fetch", "end")],
    });
    const started = await caller.workflows.runDraft({ appId: app.id, inputs: {} });
    const run = await wait(workspaceId, started.runId);
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/^Fetch: /);
    expect(run.nodeRuns.find((row) => row.nodeId === "fetch")).toMatchObject({ status: "failed", error: run.error!.slice("Fetch: ".length) });
    // The run ends at the failure: nothing after it runs or is stored.
    expect(run.nodeRuns.find((row) => row.nodeId === "end")).toBeUndefined();
    const messages = await listMessages(await getDb(), { workspaceId, conversationId: started.conversationId });
    expect(messages[1]).toMatchObject({ status: "failed", error: run.error });
  });

  it("check reads an MCP tool node's output schema from its server's cached tool list", async () => {
    const tool = (value: string, type: string) => ({ name: "t", type, value });
    const made = await createWorkflowApp({ nodes: [wfNode("start", "start")], edges: [] });
    const server = await made.caller.mcpServers.create({ name: "Weather", identifier: "weather", url: "http://127.0.0.1:9/mcp" });
    const outputSchema = { type: "object", properties: { temp: { type: "number" } }, required: ["temp"] };
    await (await getDb()).update(mcpServers).set({ tools: [{ name: "forecast", inputSchema: { type: "object" }, outputSchema }] }).where(eq(mcpServers.id, server.id));
    const draft = (outputs: unknown[]) => ({
      workflow: {
        nodes: [wfNode("start", "start"), wfNode("w", "mcp-tool", { serverId: server.id, tool: "forecast" }), wfNode("end", "end", { outputs })],
        edges: [wfEdge("start", "w"), wfEdge("w", "end")],
      },
    });
    await made.caller.apps.updateDraft({ id: made.app.id, draft: draft([tool("w.structured.temp", "number")]) as never });
    expect(await made.caller.workflows.check({ appId: made.app.id })).toEqual([]);
    await made.caller.apps.updateDraft({ id: made.app.id, draft: draft([tool("w.structured.temp", "string")]) as never });
    expect(await made.caller.workflows.check({ appId: made.app.id })).toContainEqual(expect.objectContaining({ nodeId: "end", field: "outputs.0.value" }));
  });
});
