// A run keeps one session with a stateful 2025 server for all its tool calls and ends it with DELETE, whether the
// run completes, fails or is stopped; a list_changed the server sends marks the server's tool list until a refresh.
// Runs go through Debug & Preview's runDraft, the path the console uses, against real servers on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appConfigSchema } from "@/server/apps/app-config";
import { loadDraft, runDraft } from "@/server/apps/run-draft";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { startModernMcpServer, type ModernMcpServer } from "../support/modern-mcp-server";
import { startSessionMcpServer, type SessionMcpServer } from "../support/session-mcp-server";
import { callerAs, createOwner } from "../support/fixtures";

let llm: ScriptedLlm;
let stateful: SessionMcpServer;
let modern: ModernMcpServer;

beforeAll(async () => {
  [llm, stateful, modern] = await Promise.all([startScriptedLlm(), startSessionMcpServer(), startModernMcpServer()]);
});
afterAll(async () => Promise.all([llm?.close(), stateful?.close(), modern?.close()]));

async function agentWith(url: string) {
  const { user, workspace } = await createOwner();
  const caller = callerAs(user.id, workspace.id);
  const server = await caller.mcpServers.create({ name: "Tools", identifier: "tools", url, callTimeoutMs: 1000 });
  const preview = await caller.mcpServers.previewTools({ id: server.id });
  if (preview.status !== "ok") throw new Error(preview.message);
  await caller.mcpServers.applyTools({ id: server.id, token: preview.token });
  const provider = await caller.modelProviders.create({ kind: "openai_compatible", name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-test" });
  const app = await caller.apps.create({ type: "agent", name: "Agent" });
  await caller.apps.updateDraft({ id: app.id, draft: appConfigSchema.parse({ model: { providerId: provider.id, model: "scripted-model" }, tools: [{ serverId: server.id, mode: "all" }] }) });
  const run = async (query: string, signal = new AbortController().signal) =>
    runDraft({ workspaceId: workspace.id, userId: user.id, draft: await loadDraft({ workspaceId: workspace.id, appId: app.id }), inputs: {}, query, conversationId: null, signal, onEvent: () => {} });
  return { caller, server, run };
}

/** Sessions opened and DELETEs received while `during` ran. */
async function sessionsDuring(during: () => Promise<unknown>) {
  const [opened, deleted] = [stateful.opened.length, stateful.deleted.length];
  await during();
  return { opened: stateful.opened.slice(opened), deleted: stateful.deleted.slice(deleted) };
}

describe("sessions with a stateful 2025 server during agent runs", () => {
  it("a run with several tool calls opens exactly one session and sends one DELETE when it ends", async () => {
    const { run } = await agentWith(stateful.url);
    llm.script([
      { toolCalls: [{ name: "tools__add", arguments: { a: 2, b: 3 } }, { name: "tools__echo", arguments: { text: "one" } }] },
      { toolCalls: [{ name: "tools__echo", arguments: { text: "two" } }] },
      { text: "Done." },
    ]);
    const before = stateful.methods.length;
    const { opened, deleted } = await sessionsDuring(async () => expect((await run("go")).status).toBe("completed"));
    expect(opened).toHaveLength(1);
    expect(deleted).toEqual(opened);
    const calls = stateful.methods.slice(before).filter((m) => m.method === "tools/call");
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.session))).toEqual(new Set(opened));
    expect(stateful.open()).toBe(0);
  });

  it("a run whose model fails after a tool call still ends its session with DELETE", async () => {
    const { run } = await agentWith(stateful.url);
    llm.script([{ toolCalls: [{ name: "tools__echo", arguments: { text: "before the failure" } }] }, { status: 400, errorBody: { error: { message: "bad request", type: "invalid_request_error" } } }]);
    const { opened, deleted } = await sessionsDuring(async () => expect((await run("go")).status).toBe("failed"));
    expect(opened).toHaveLength(1);
    expect(deleted).toEqual(opened);
  });

  it("a run stopped while a tool call is out still ends its session with DELETE", async () => {
    const { run } = await agentWith(stateful.url);
    const controller = new AbortController();
    // One turn only: the run is stopped before it would ask the model again (the script queue is shared).
    llm.script([{ toolCalls: [{ name: "tools__wait", arguments: { ms: 5000 } }] }]);
    const before = stateful.methods.length;
    const { opened, deleted } = await sessionsDuring(async () => {
      const running = run("go", controller.signal);
      // Stop the run once its tool call has reached the server.
      await expect.poll(() => stateful.methods.slice(before).some((m) => m.method === "tools/call"), { interval: 20 }).toBe(true);
      controller.abort();
      expect((await running).status).toBe("stopped");
    });
    expect(opened).toHaveLength(1);
    expect(deleted).toEqual(opened);
    expect(stateful.open()).toBe(0);
  });

  it("a list_changed sent during a run marks the server's tools for update, and a refresh clears the mark", async () => {
    const { caller, server, run } = await agentWith(stateful.url);
    expect((await caller.mcpServers.get({ id: server.id })).toolsChangedAt).toBeNull();
    llm.script([{ toolCalls: [{ name: "tools__rearrange", arguments: {} }] }, { text: "Rearranged." }]);
    expect((await run("rearrange")).status).toBe("completed");
    const marked = await caller.mcpServers.get({ id: server.id });
    expect(marked.toolsChangedAt).toBeInstanceOf(Date);
    expect(marked.connectionKind).toBe("session");
    expect(marked.protocolVersion).toBe("2025-11-25");

    const preview = await caller.mcpServers.previewTools({ id: server.id });
    if (preview.status !== "ok") throw new Error(preview.message);
    await caller.mcpServers.applyTools({ id: server.id, token: preview.token });
    expect((await caller.mcpServers.get({ id: server.id })).toolsChangedAt).toBeNull();
  });
});

describe("sessions outside runs", () => {
  it("Update tools and Try it each open one session and end it with DELETE", async () => {
    let caller!: Awaited<ReturnType<typeof agentWith>>["caller"];
    let serverId = "";
    const update = await sessionsDuring(async () => ({ caller, server: { id: serverId } } = await agentWith(stateful.url)));
    expect(update.opened).toHaveLength(1);
    expect(update.deleted).toEqual(update.opened);
    const tried = await sessionsDuring(() => caller.mcpServers.callTool({ id: serverId, name: "echo", arguments: { text: "try" } }));
    expect(tried.opened).toHaveLength(1);
    expect(tried.deleted).toEqual(tried.opened);
  });
});

describe("list_changed on a 2025 session's GET stream", () => {
  it("a list_changed the server sends on its GET stream while Try it runs marks the server", async () => {
    const { caller, server } = await agentWith(stateful.url);
    const before = stateful.methods.length;
    const tried = await caller.mcpServers.callTool({ id: server.id, name: "announce", arguments: {} });
    expect(JSON.stringify(tried.result.content)).toContain("Announced.");
    expect(stateful.methods.slice(before).filter((m) => m.method === "tools/call")).toHaveLength(1);
    expect((await caller.mcpServers.get({ id: server.id })).toolsChangedAt).toBeInstanceOf(Date);
  });
});

describe("a 2026-07-28-only server during agent runs", () => {
  it("serves a run's tool calls with no initialize and no session, and Try it calls it too", async () => {
    const { caller, server, run } = await agentWith(modern.url);
    expect((await caller.mcpServers.get({ id: server.id })).connectionKind).toBe("modern");
    llm.script([{ toolCalls: [{ name: "tools__add", arguments: { a: 20, b: 22 } }] }, (body) => ({ text: `Sum: ${JSON.stringify(body.messages.at(-1)?.content)}` })]);
    const result = await run("add");
    expect(result.status).toBe("completed");
    expect(result.answer).toContain("42");
    const tried = await caller.mcpServers.callTool({ id: server.id, name: "echo", arguments: { text: "hello 2026" } });
    expect(JSON.stringify(tried.result.content)).toContain("hello 2026");
    expect(modern.methods).not.toContain("initialize");
    expect(modern.sessionIds).toEqual([]);
    expect(modern.otherRequests).toEqual([]);
  });

  it("a call past its timeout is cancelled on the server and fails only that call", async () => {
    const { run } = await agentWith(modern.url);
    const before = modern.cancelled.length;
    llm.script([{ toolCalls: [{ name: "tools__slow", arguments: { ms: 8000 } }] }, { text: "The tool timed out." }]);
    const started = Date.now();
    const result = await run("slow");
    expect(result.status).toBe("completed");
    expect(Date.now() - started).toBeLessThan(6000);
    await expect.poll(() => modern.cancelled.length, { timeout: 5000 }).toBe(before + 1);
  });
});
