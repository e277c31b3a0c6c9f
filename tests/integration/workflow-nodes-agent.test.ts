// The Agent node against real peers: the scripted model calls tools of a real MCP server stored under Tools. Tools
// run as the agent app runs them; one that asks first is refused (nobody to ask in a workflow run) and the model is
// told why; the round limit holds; usage adds up over the rounds.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { refusedInWorkflow, runAgent } from "@/server/workflows/nodes/agent";
import { NodeError } from "@/server/workflows/nodes/node-executor";
import { callerAs, createOwner } from "../support/fixtures";
import { nodeContext, nodeOf, storedMcpServer } from "../support/node-context";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";

let mcp: TestMcpServer;
let llm: ScriptedLlm;
let workspaceId: string;
let userId: string;
let providerId: string;
let serverId: string;
beforeAll(async () => {
  mcp = await startTestMcpServer();
  const { user, workspace } = await createOwner("agent-node");
  workspaceId = workspace.id;
  userId = user.id;
  serverId = (await storedMcpServer(callerAs(user.id, workspace.id), { name: "Test tools", identifier: "tools", url: mcp.url })).id;
});
afterAll(() => mcp.close());
beforeEach(async () => {
  llm = await startScriptedLlm();
  const caller = callerAs(userId, workspaceId);
  providerId = (await caller.modelProviders.create({ kind: "openai_compatible", name: `Scripted ${llm.url}`, baseUrl: `${llm.url}/v1`, apiKey: "sk-test-node-key" })).id;
});
afterEach(() => llm.close());

const agentNode = (data: Record<string, unknown>) =>
  nodeOf("agent", { model: { providerId, model: "scripted-model" }, tools: [{ serverId, mode: "all" }], ...data });

/** The tool messages the model was sent, joined. */
const toolMessages = (index: number) =>
  llm.requests[index]!.messages.filter((m) => m.role === "tool").map((m) => String(m.content)).join("\n");

describe("Agent node", () => {
  it("calls a tool of the bound server with the model's arguments, gives the result back, and outputs the answer", async () => {
    llm.script([{ toolCalls: [{ name: "tools__get_weather", arguments: { city: "Oslo" } }] }, { text: "Light rain in Oslo." }]);
    const ctx = nodeContext({ workspaceId, userId, outputs: { start: { city: "Oslo" } } });
    const result = await runAgent(agentNode({ instructions: "You check weather.", prompt: "Weather in {{start.city}}?" }), ctx);
    expect(result.outputs).toEqual({ text: "Light rain in Oslo." });
    expect(result.usage).toEqual({ inputTokens: 22, outputTokens: 14 });
    expect(result.logs).toEqual(["Called tools__get_weather"]);
    expect(result.inputs).toMatchObject({ instructions: "You check weather.", prompt: "Weather in Oslo?", tools: expect.arrayContaining(["tools__get_weather", "tools__save_note"]) });
    expect(llm.requests[0]!.messages[0]).toEqual({ role: "system", content: "You check weather." });
    expect(llm.requests[0]!.tools?.map((t) => t.function.name)).toContain("tools__get_weather");
    expect(toolMessages(1)).toContain("temperature: 18 °C");
  });

  it("refuses a tool that asks first, runs nothing, and tells the model why", async () => {
    llm.script([{ toolCalls: [{ name: "tools__save_note", arguments: { text: "secret plan" } }] }, { text: "I could not save it." }]);
    const result = await runAgent(agentNode({ prompt: "Save my plan" }), nodeContext({ workspaceId, userId }));
    expect(result.outputs).toEqual({ text: "I could not save it." });
    expect(mcp.notes).not.toContain("secret plan");
    expect(toolMessages(1)).toContain(refusedInWorkflow);
  });

  it("runs a tool that asks first when the node's binding sets it to run without asking", async () => {
    llm.script([{ toolCalls: [{ name: "tools__save_note", arguments: { text: "trusted note" } }] }, { text: "Saved." }]);
    const tools = [{ serverId, mode: "all", tools: [{ name: "save_note", enabled: true, approval: "auto" }] }];
    await runAgent(agentNode({ prompt: "Save it", tools }), nodeContext({ workspaceId, userId }));
    expect(mcp.notes).toContain("trusted note");
    expect(toolMessages(1)).toContain("Saved: trusted note");
  });

  it("offers only the tools the binding enables, and no tools once the round limit is reached", async () => {
    llm.script([{ toolCalls: [{ name: "tools__echo", arguments: { text: "one" } }] }, { text: "Done after one round." }]);
    const tools = [{ serverId, mode: "selected", tools: [{ name: "echo", enabled: true }] }];
    const result = await runAgent(agentNode({ prompt: "Echo", tools, maxToolRounds: 1 }), nodeContext({ workspaceId, userId }));
    expect(llm.requests[0]!.tools?.map((t) => t.function.name)).toEqual(["tools__echo"]);
    expect(llm.requests[1]!.tools ?? []).toEqual([]);
    expect(result.outputs).toEqual({ text: "Done after one round." });
    expect(llm.requests).toHaveLength(2);
  });

  it("a chatflow's earlier turns come before the prompt", async () => {
    llm.script([{ text: "Still Oslo." }]);
    const history = [
      { role: "user" as const, content: "I go to Oslo." },
      { role: "assistant" as const, content: "Noted." },
    ];
    await runAgent(agentNode({ prompt: "Where do I go?" }), nodeContext({ workspaceId, userId, history }));
    expect(llm.requests[0]!.messages.map((m) => m.content)).toEqual(["I go to Oslo.", "Noted.", "Where do I go?"]);
  });

  it("a model error fails the node with the provider's words and what to check", async () => {
    llm.script([{ status: 404, errorBody: { error: { message: "The model does not exist", type: "invalid_request_error" } } }]);
    const failure = (await runAgent(agentNode({ prompt: "Hi" }), nodeContext({ workspaceId, userId })).catch((e: unknown) => e)) as Error;
    expect(failure).toBeInstanceOf(NodeError);
    expect(failure.message).toMatch(/^The model provider answered 404: .*Check that the model name exists at this provider\.$/);
  });

  it("a bound per-person server the person has not connected fails the node before the model is called", async () => {
    const personal = await callerAs(userId, workspaceId).mcpServers.create({ name: "Mail", identifier: "mail", url: mcp.url, credentialScope: "per_person" });
    const tools = [{ serverId, mode: "all" }, { serverId: personal.id, mode: "all" }];
    await expect(runAgent(agentNode({ prompt: "Read my mail", tools }), nodeContext({ workspaceId, userId }))).rejects.toThrow(
      "Mail connects each person to their own account, and yours is not connected. Connect under Tools -> MCP, then run the workflow again.",
    );
    expect(llm.requests).toHaveLength(0);
  });

  it("stopping the run stops the model call, and the stop is not reported as the node's failure", async () => {
    llm.script([{ text: "Too late.", delayMs: 5_000 }]);
    const stop = new AbortController();
    const running = runAgent(agentNode({ prompt: "Take your time" }), nodeContext({ workspaceId, userId, signal: stop.signal }));
    setTimeout(() => stop.abort(), 200);
    expect(await running.catch((e: unknown) => e)).not.toBeInstanceOf(NodeError);
    await expect.poll(() => llm.abortedRequests.length).toBe(1);
  });
});
