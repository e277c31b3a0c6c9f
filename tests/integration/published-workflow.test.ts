// A published workflow through the SDK's real Client over HTTP: its Start fields are the tool's inputSchema, its End
// outputs the outputSchema and structuredContent, and each node that ends is a progress step. The run goes Start ->
// MCP tool (server-everything) -> LLM (scripted model) -> If/Else -> End. A chatflow answers and remembers.
import { CallToolResultSchema, CreateTaskResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createOwner } from "../support/fixtures";
import { startServerEverything } from "../support/server-everything";
import { useEndpointHarness } from "../support/endpoint-harness";
import { storedMcpServer } from "../support/node-context";
import { wfEdge, wfNode } from "../support/workflow-apps";

const h = useEndpointHarness();
let everything: Awaited<ReturnType<typeof startServerEverything>>;
beforeAll(async () => {
  everything = await startServerEverything("streamableHttp");
});
afterAll(() => everything.close());

async function publishWorkflow(type: "workflow" | "chatflow", graph: (ids: { providerId: string; serverId: string }) => object, variables: object[] = []) {
  const { user, workspace } = await createOwner("wf-publisher");
  const caller = callerAs(user.id, workspace.id);
  const provider = await caller.modelProviders.create({ kind: "openai_compatible", name: "Scripted", baseUrl: `${h.llm.url}/v1`, apiKey: "sk-wf" });
  const server = await storedMcpServer(caller, { name: "Everything", identifier: "everything", url: everything.url });
  const app = await caller.apps.create({ type, name: "Trip planner" });
  await caller.apps.updateDraft({ id: app.id, draft: { variables, workflow: graph({ providerId: provider.id, serverId: server.id }) } as never });
  await caller.apps.publish({ id: app.id });
  const enabled = await caller.publishedServers.enable({ appId: app.id, toolName: "trip_planner", toolDescription: "Plans a trip.", parameterDescriptions: { city: "Where to go.", days: "How long to stay." } });
  return { caller, app, url: h.endpoint.localUrl(enabled.url) };
}

const model = (providerId: string) => ({ providerId, model: "scripted-model" });
const tripGraph = ({ providerId, serverId }: { providerId: string; serverId: string }) => ({
  nodes: [
    wfNode("start", "start", {}, { title: "Start" }),
    wfNode("tool_1", "mcp-tool", { serverId, tool: "get-sum", arguments: { a: "{{start.days}}", b: "10" }, approval: "auto" }, { title: "Add days" }),
    wfNode("llm_1", "llm", { model: model(providerId), prompt: "Weather in {{start.city}}? {{tool_1.text}}" }, { title: "Forecast" }),
    wfNode("if_1", "if-else", { conditions: [{ left: "llm_1.text", operator: "contains", right: "Sunny" }] }, { title: "Sunny?" }),
    wfNode("end", "end", { outputs: [{ name: "forecast", type: "string", value: "llm_1.text" }, { name: "sunny", type: "boolean", value: "if_1.result" }] }, { title: "End" }),
  ],
  edges: [wfEdge("start", "tool_1"), wfEdge("tool_1", "llm_1"), wfEdge("llm_1", "if_1"), wfEdge("if_1", "end", "true"), wfEdge("if_1", "end", "false")],
});
const tripFields = [
  { key: "city", label: "City", type: "text", required: true, description: "Where to go." },
  { key: "days", label: "Days", type: "number", required: true, description: "How long to stay." },
];

describe("a published workflow", () => {
  it("takes its Start fields, answers with its End outputs, and reports each node as a progress step", async () => {
    const { caller, app, url } = await publishWorkflow("workflow", tripGraph, tripFields);
    const client = await h.connect(url);
    const { tools } = await client.listTools();
    expect(tools[0]!.inputSchema).toMatchObject({ type: "object", properties: { city: { type: "string" }, days: { type: "number" } }, required: ["city", "days"] });
    expect(tools[0]!.inputSchema.properties).not.toHaveProperty("query");
    expect(tools[0]!.outputSchema).toEqual({ type: "object", properties: { forecast: { type: "string" }, sunny: { type: "boolean" } }, required: ["forecast", "sunny"], additionalProperties: false });

    h.llm.script([{ text: "Sunny all week." }]);
    const progress: string[] = [];
    const result = await client.callTool({ name: "trip_planner", arguments: { city: "Oslo", days: 3 } }, undefined, { onprogress: (p) => progress.push(p.message ?? "") });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ forecast: "Sunny all week.", sunny: true });
    expect(JSON.stringify(h.llm.requests.at(-1))).toContain("Weather in Oslo? The sum of 3 and 10 is 13.");
    for (const step of ["Start", "Add days", "Forecast", "Sunny?", "End"]) expect(progress).toContain(`Step ${step} completed`);
    expect(progress.indexOf("Step Add days completed")).toBeLessThan(progress.indexOf("Step Forecast completed"));

    const calls = (await h.callLogs(caller, app.id)).filter((l) => l.method === "tools/call");
    expect(calls).toEqual([expect.objectContaining({ outcome: "ok", conversationId: expect.any(String) })]);
  }, 30_000);

  it("refuses arguments that do not fit its form, saying which, and a failed step without its details", async () => {
    const { caller, app, url } = await publishWorkflow("workflow", tripGraph, tripFields);
    const client = await h.connect(url);
    const bad = await client.callTool({ name: "trip_planner", arguments: { city: "Oslo" } });
    expect(bad).toMatchObject({ isError: true, content: [{ type: "text", text: expect.stringMatching(/Days/) }] });

    h.llm.script([{ status: 400 }]);
    const failed = await client.callTool({ name: "trip_planner", arguments: { city: "Oslo", days: 1 } });
    expect(failed).toMatchObject({ isError: true, content: [{ text: expect.stringContaining("one of its steps failed") }] });
    const calls = (await h.callLogs(caller, app.id)).filter((l) => l.method === "tools/call");
    expect(calls[0]).toMatchObject({ outcome: "error", error: expect.stringContaining("Forecast") });
  }, 30_000);

  it("runs as a task for a client that asks, its steps the task's status and its End outputs the task's result", async () => {
    const { url } = await publishWorkflow("workflow", tripGraph, tripFields);
    const client = await h.connect(url);
    h.llm.script([{ text: "Rain, then Sunny.", delayMs: 1_000 }]);
    const { task } = await client.request({ method: "tools/call", params: { name: "trip_planner", arguments: { city: "Bergen", days: 2 }, task: {} } }, CreateTaskResultSchema);
    expect(task.status).toBe("working");
    await expect.poll(async () => (await client.experimental.tasks.getTask(task.taskId)).statusMessage, { timeout: 15_000 }).toMatch(/^Step Add days completed|^Step Start completed/);
    await expect.poll(async () => (await client.experimental.tasks.getTask(task.taskId)).status, { timeout: 15_000 }).toBe("completed");
    const result = await client.request({ method: "tasks/result", params: { taskId: task.taskId } }, CallToolResultSchema);
    expect(result.structuredContent).toEqual({ forecast: "Rain, then Sunny.", sunny: true });
  }, 30_000);
});

describe("a published chatflow", () => {
  it("answers with its Answer text and continues its conversation with memory", async () => {
    const { url } = await publishWorkflow("chatflow", ({ providerId }) => ({
      nodes: [wfNode("start", "start"), wfNode("llm_1", "llm", { model: model(providerId), prompt: "{{start.query}}" }), wfNode("answer", "answer", { text: "{{llm_1.text}}" })],
      edges: [wfEdge("start", "llm_1"), wfEdge("llm_1", "answer")],
    }));
    const client = await h.connect(url);
    const { tools } = await client.listTools();
    expect(tools[0]!.inputSchema).toMatchObject({ required: ["query"] });
    h.llm.script([{ text: "Hello Ada." }, { text: "You are Ada." }]);
    const first = await client.callTool({ name: "trip_planner", arguments: { query: "I am Ada." } });
    const { answer, conversation_id } = first.structuredContent as { answer: string; conversation_id: string };
    expect(answer).toBe("Hello Ada.");
    const second = await client.callTool({ name: "trip_planner", arguments: { query: "Who am I?", conversation_id } });
    expect(second.structuredContent).toEqual({ answer: "You are Ada.", conversation_id });
    expect(JSON.stringify(h.llm.requests.at(-1))).toContain("I am Ada.");
  }, 30_000);
});
