// An agent using tools of stored MCP servers: one connection per server per run, timeouts that cancel,
// failures the model can react to, and tool lists longer than one page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appConfigSchema } from "@/server/apps/app-config";
import { openAppTools } from "@/server/mcp/servers/open-app-tools";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";
import { startHostileMcpServer } from "../support/hostile-mcp-server";
import { callerAs, createOwner } from "../support/fixtures";
import { runTestApp } from "../support/runtime";

let llm: ScriptedLlm;
let mcp: TestMcpServer;
let paged: TestMcpServer;
let hostile: Awaited<ReturnType<typeof startHostileMcpServer>>;

beforeAll(async () => {
  [llm, mcp, paged, hostile] = await Promise.all([
    startScriptedLlm(),
    startTestMcpServer({ dieOnTool: "echo" }),
    startTestMcpServer({ extraTools: 7, pageSize: 3 }),
    startHostileMcpServer(),
  ]);
});
afterAll(async () => Promise.all([llm?.close(), mcp?.close(), paged?.close(), hostile?.close()]));

async function agentWithServer(url: string, settings: { callTimeoutMs?: number } = {}) {
  const { user, workspace } = await createOwner();
  const caller = callerAs(user.id, workspace.id);
  const server = await caller.mcpServers.create({ name: "Test tools", identifier: "test", url, ...settings });
  const preview = await caller.mcpServers.previewTools({ id: server.id });
  if (preview.status !== "ok") throw new Error(preview.message);
  await caller.mcpServers.applyTools({ id: server.id, token: preview.token });
  // The run below uses the scripted model directly; the draft still names a provider of this workspace.
  const provider = await caller.modelProviders.create({ kind: "openai_compatible", name: "Scripted", baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-test" });
  const draft = appConfigSchema.parse({ model: { providerId: provider.id, model: "scripted-model" }, tools: [{ serverId: server.id, mode: "all" }] });
  const app = await caller.apps.create({ type: "agent", name: "Agent" });
  await caller.apps.updateDraft({ id: app.id, draft });
  const stored = await caller.apps.get({ id: app.id });
  return { caller, server, testApp: { user, workspace, app: stored, config: draft } };
}

async function run(testApp: Awaited<ReturnType<typeof agentWithServer>>["testApp"], query: string) {
  const controller = new AbortController();
  const tools = await openAppTools({ workspaceId: testApp.workspace.id, bindings: testApp.config.tools, signal: controller.signal, userId: null });
  try {
    return await runTestApp(testApp as never, llm, { query, tools: tools.tools, signal: controller.signal });
  } finally {
    await tools.close();
  }
}

describe("an agent with a stored MCP server's tools", () => {
  it("calls two tools of the server across rounds under namespaced names", async () => {
    const { testApp } = await agentWithServer(paged.url);
    llm.script([
      { toolCalls: [{ name: "test__add", arguments: { a: 2, b: 3 } }] },
      { toolCalls: [{ name: "test__get_weather", arguments: { city: "Oslo" } }] },
      (body) => ({ text: `Done: ${JSON.stringify(body.messages.filter((m) => m.role === "tool").map((m) => m.content))}` }),
    ]);
    const { result, events } = await run(testApp, "add and weather");
    expect(result.status).toBe("completed");
    expect(result.answer).toContain("5");
    expect(result.answer).toContain("light rain");
    const offered = llm.requests.at(-3)!.tools!.map((t) => t.function.name);
    expect(offered).toEqual(expect.arrayContaining(["test__add", "test__get_weather", "test__extra_7"]));
    expect(events.filter((e) => e.type === "tool-call-finished")).toHaveLength(2);
  });

  it("a tool list longer than one page is followed across nextCursor when saved", async () => {
    const { caller } = await agentWithServer(paged.url);
    const list = await caller.mcpServers.list();
    expect(list[0]!.tools.map((t) => t.name)).toHaveLength(6 + 7);
  });

  it("a slow tool hits the per-call timeout, is cancelled on the server, and the run still answers", async () => {
    const { testApp } = await agentWithServer(paged.url, { callTimeoutMs: 1000 });
    const before = paged.cancelled.length;
    llm.script([{ toolCalls: [{ name: "test__slow", arguments: { ms: 8000 } }] }, { text: "The tool timed out, sorry." }]);
    const started = Date.now();
    const { result, events } = await run(testApp, "be slow");
    expect(Date.now() - started).toBeLessThan(6000);
    expect(result.status).toBe("completed");
    const finished = events.find((e) => e.type === "tool-call-finished");
    expect(finished).toMatchObject({ isError: true });
    expect(JSON.stringify(finished)).toMatch(/did not answer within 1 s/);
    await expect.poll(() => paged.cancelled.length, { timeout: 3000 }).toBeGreaterThan(before);
  });

  it.each(["hang", "reset", "malformed", "endless"] as const)(
    "a server that answers tools/call with %s fails that call within its timeout and the run still answers",
    async (mode) => {
      const { testApp } = await agentWithServer(hostile.url(mode), { callTimeoutMs: 1000 });
      llm.script([{ toolCalls: [{ name: "test__lookup", arguments: { q: "x" } }] }, { text: "The lookup failed." }]);
      const started = Date.now();
      const { result, events } = await run(testApp, "look it up");
      expect(Date.now() - started).toBeLessThan(5000);
      expect(result).toMatchObject({ status: "completed", answer: "The lookup failed." });
      const finished = events.find((e) => e.type === "tool-call-finished");
      expect(finished).toMatchObject({ isError: true });
      expect((finished as { error?: string }).error ?? "").not.toMatch(/\n\s+at /);
    },
  );

  it("a tool returning isError reaches the model as an error", async () => {
    const { testApp } = await agentWithServer(paged.url);
    llm.script([{ toolCalls: [{ name: "test__fail", arguments: {} }] }, { text: "The weather service is down." }]);
    const { result, events } = await run(testApp, "fail please");
    expect(result.answer).toBe("The weather service is down.");
    expect(events.find((e) => e.type === "tool-call-finished")).toMatchObject({ isError: true });
    expect(JSON.stringify(llm.requests.at(-1)!.messages)).toContain("unavailable");
  });

  it("a server that dies mid-call fails that call cleanly and the run ends with an answer", async () => {
    const { testApp } = await agentWithServer(mcp.url);
    llm.script([{ toolCalls: [{ name: "test__echo", arguments: { text: "boom" } }] }, { text: "The tool server went away." }]);
    const { result, events } = await run(testApp, "echo");
    expect(result.status).toBe("completed");
    expect(events.find((e) => e.type === "tool-call-finished")).toMatchObject({ isError: true });
  });

  it("opens one connection per server for the whole run", async () => {
    const { testApp } = await agentWithServer(paged.url);
    const initializesBefore = paged.methods.filter((m) => m === "initialize").length;
    llm.script([
      { toolCalls: [{ name: "test__add", arguments: { a: 1, b: 1 } }, { name: "test__add", arguments: { a: 2, b: 2 } }] },
      { toolCalls: [{ name: "test__add", arguments: { a: 3, b: 3 } }] },
      { text: "2, 4, 6" },
    ]);
    const { result } = await run(testApp, "add thrice");
    expect(result.answer).toBe("2, 4, 6");
    // One initialize for three calls: the connection was reused.
    expect(paged.methods.filter((m) => m === "initialize").length - initializesBefore).toBe(1);
    expect(paged.methods.filter((m) => m === "tools/call").length).toBeGreaterThanOrEqual(3);
  });
});

describe("per-tool settings in an agent's tool bindings", () => {
  it("the model receives the description the app sets for a tool instead of the server's, and the server's for the others", async () => {
    const { caller, server, testApp } = await agentWithServer(paged.url);
    const own = (await caller.mcpServers.get({ id: server.id })).tools.find((t) => t.name === "get_weather")!.description;
    const override = "Weather for the city the customer names; call it once per city.";
    const tools = [{ serverId: server.id, mode: "all" as const, tools: [{ name: "add", enabled: true, description: override }] }];
    await caller.apps.updateDraft({ id: testApp.app.id, draft: { ...testApp.config, tools } });
    const config = appConfigSchema.parse((await caller.apps.get({ id: testApp.app.id })).draft);
    expect(config.tools[0]!.tools[0]).toEqual({ name: "add", enabled: true, description: override });

    llm.script([{ text: "ok" }]);
    await run({ ...testApp, config }, "what can you do?");
    const offered = new Map(llm.requests.at(-1)!.tools!.map((t) => [t.function.name, t.function.description]));
    expect(offered.get("test__add")).toBe(override);
    expect(offered.get("test__get_weather")).toBe(own);
  });
});
