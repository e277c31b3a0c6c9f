// Published calls whose agent runs a tool that asks first (save_note): a client that declared elicitation is asked
// through elicitation/create on the call's SSE stream and answers in a POST of its own, which may reach another
// instance; a client without it gets the server's policy. Real SDK clients, a real tool server, the scripted model.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CreateTaskResultSchema, ElicitRequestSchema, type ElicitRequest, type ElicitResult } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { getKv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";
import { askKey } from "@/server/mcp/server/client-answers";
import { useAskingEndpointHarness } from "../support/asking-endpoint-harness";
import { modernHeaders, modernRequest } from "../support/modern-client";
import { createWorkspaceApps } from "../support/workspace-apps";

const askTimeoutMs = 3_000;
const h = useAskingEndpointHarness({ askTimeoutMs });

type Answer = (request: ElicitRequest, extra: { signal: AbortSignal; requestId: string | number }) => Promise<ElicitResult>;

/** An SDK client declaring form elicitation that answers with `answer`; `answersTo` sends its POSTs of answers elsewhere. */
async function askingClient(url: string, answer: Answer, { answersTo }: { answersTo?: string } = {}) {
  const client = new Client({ name: "asking-client", version: "1.0.0" }, { capabilities: { elicitation: {} } });
  client.setRequestHandler(ElicitRequestSchema, (request, extra) => answer(request, extra));
  const route: typeof fetch = (input, init) => {
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : null;
    const isAnswer = body && !("method" in body) && ("result" in body || "error" in body);
    return fetch(isAnswer && answersTo ? new URL(new URL(String(input)).pathname, answersTo) : input, init);
  };
  const transport = new StreamableHTTPClientTransport(new URL(url), { fetch: route });
  await client.connect(transport);
  return { client: h.track(client), transport };
}

const call = (client: Client) => client.callTool({ name: "weather_helper", arguments: { query: "Remember: buy milk." } });

describe("a client that declared elicitation is asked before the tool runs", () => {
  it("accepting with approve runs the tool, and the question named the app, the tool and its arguments", async () => {
    const { url, workspace } = await h.agentApp();
    const seen: ElicitRequest["params"][] = [];
    const { client } = await askingClient(url, async (request) => {
      seen.push(request.params);
      return { action: "accept", content: { approve: true } };
    });
    const result = await call(client);
    expect(result.structuredContent).toMatchObject({ answer: "Done." });
    expect(h.tools.notes).toEqual(["buy milk"]);
    expect(seen).toHaveLength(1);
    const question = seen[0] as { message: string; requestedSchema: { properties: Record<string, { type: string; title?: string }> } };
    expect(question.message).toContain("Note keeper");
    expect(question.message).toContain("Save note");
    expect(question.message).toContain("buy milk");
    expect(question.requestedSchema.properties).toEqual({ approve: expect.objectContaining({ type: "boolean", title: "Run Save note?" }) });
    // The decision is on the call's record: asked through elicitation, a secret-URL caller has no person id.
    expect(await h.approvals(workspace.id)).toEqual([expect.objectContaining({ decision: "approved", via: "elicitation", userId: null })]);
  }, 30_000);

  it.each([
    ["declines", { action: "decline" } as ElicitResult, "the user declined it."],
    ["cancels", { action: "cancel" } as ElicitResult, "the user dismissed the question."],
    ["answers approve: false", { action: "accept", content: { approve: false } } as ElicitResult, "the user answered no."],
  ])("a user who %s is not run, and the model is told it was refused", async (_, answer, reason) => {
    const { url, workspace } = await h.agentApp();
    const { client } = await askingClient(url, async () => answer);
    const result = await call(client);
    expect(result.structuredContent).toMatchObject({ answer: "Done." });
    expect(h.tools.notes).toEqual([]);
    expect(h.toolMessage()).toContain(`Not run: this tool asks first, and ${reason}`);
    expect(await h.approvals(workspace.id)).toEqual([expect.objectContaining({ decision: "denied", via: "elicitation" })]);
  }, 30_000);

  it("a question nobody answers within the limit refuses the tool, and the client is told the question is void", async () => {
    const { url, workspace } = await h.agentApp();
    let voided = false;
    const { client } = await askingClient(url, (_, extra) => new Promise((resolve) => {
      extra.signal.addEventListener("abort", () => {
        voided = true;
        resolve({ action: "cancel" });
      });
    }));
    await call(client);
    expect(h.tools.notes).toEqual([]);
    expect(h.toolMessage()).toContain(`nobody answered within ${askTimeoutMs / 1000} seconds.`);
    expect(voided).toBe(true);
    expect(await h.approvals(workspace.id)).toEqual([expect.objectContaining({ decision: "denied", via: "elicitation", userId: null })]);
  }, 30_000);

  it("the answer reaching a second instance gets to the call waiting on the first, through the KV store", async () => {
    const { url } = await h.agentApp();
    let answersSeen = 0;
    const { client } = await askingClient(url, async () => {
      answersSeen++;
      return { action: "accept", content: { approve: true } };
    }, { answersTo: h.second.origin });
    await call(client);
    expect(answersSeen).toBe(1);
    expect(h.tools.notes).toEqual(["buy milk"]);
  }, 30_000);
});

describe("a client without elicitation gets the server's policy", () => {
  it("under the default policy (deny) the tool is not run, and the model is told the policy refused it", async () => {
    const { url, workspace } = await h.agentApp();
    const client = await h.connect(url);
    const result = await call(client);
    expect(result.structuredContent).toMatchObject({ answer: "Done." });
    expect(h.tools.notes).toEqual([]);
    expect(h.toolMessage()).toContain("the server's policy refuses it");
    expect(await h.approvals(workspace.id)).toEqual([expect.objectContaining({ decision: "denied", via: "policy" })]);
  }, 30_000);

  it("a client that declared only URL-mode elicitation cannot show the form: the policy answers", async () => {
    const { url } = await h.agentApp();
    const client = new Client({ name: "url-only", version: "1" }, { capabilities: { elicitation: { url: {} } } });
    client.setRequestHandler(ElicitRequestSchema, async () => ({ action: "accept", content: { approve: true } }));
    await h.track(client).connect(new StreamableHTTPClientTransport(new URL(url)));
    await call(client);
    expect(h.tools.notes).toEqual([]);
    expect(h.toolMessage()).toContain("the server's policy refuses it");
  }, 30_000);
});

describe("the workspace server", () => {
  it("asks the same way before an agent's tool that asks first, and runs it on a yes", async () => {
    const ws = await createWorkspaceApps(h.endpoint, h.llm, { toolServerUrl: h.tools.url });
    const server = (await ws.caller.mcpServers.list()).find((s) => s.identifier === "everything")!;
    await ws.publish({ type: "agent", name: "Note keeper", draft: { tools: [{ serverId: server.id, mode: "all" }] } });
    const seen: string[] = [];
    const { client } = await askingClient(ws.url, async (request) => {
      seen.push((request.params as { message: string }).message);
      return { action: "accept", content: { approve: true } };
    });
    h.llm.script([{ toolCalls: [{ name: "everything__save_note", arguments: { text: "buy milk" } }] }, { text: "Done." }]);
    const result = await client.callTool({ name: "note_keeper", arguments: { query: "Remember: buy milk." } });
    expect(result.structuredContent).toMatchObject({ answer: "Done." });
    expect(seen).toEqual([expect.stringContaining("Note keeper wants to run the tool \"Save note\"")]);
    expect(h.tools.notes).toEqual(["buy milk"]);
  }, 30_000);
});

describe("the 2026-07-28 lane", () => {
  // A client there that can show a form is asked in rounds (published-round-trips.test.ts).
  it("a client whose envelope declares URL elicitation only gets the policy", async () => {
    const { url, workspace } = await h.agentApp();
    const body = modernRequest(1, "tools/call", { name: "weather_helper", arguments: { query: "Remember: buy milk." } }, { "io.modelcontextprotocol/clientCapabilities": { elicitation: { url: {} } } });
    const response = await fetch(url, { method: "POST", headers: modernHeaders("tools/call", "weather_helper"), body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Done.");
    expect(h.tools.notes).toEqual([]);
    expect(await h.approvals(workspace.id)).toEqual([expect.objectContaining({ decision: "denied", via: "policy" })]);
  }, 30_000);
});

describe("a task", () => {
  it("runs without a live client to ask, so even an elicitation-capable client's task gets the policy", async () => {
    const { url, workspace } = await h.agentApp();
    let asked = 0;
    const { client } = await askingClient(url, async () => {
      asked++;
      return { action: "accept", content: { approve: true } };
    });
    const { task } = await client.request({ method: "tools/call", params: { name: "weather_helper", arguments: { query: "Remember: buy milk." }, task: {} } }, CreateTaskResultSchema);
    await expect.poll(async () => (await client.experimental.tasks.getTask(task.taskId)).status, { timeout: 15_000 }).toBe("completed");
    expect(asked).toBe(0);
    expect(h.tools.notes).toEqual([]);
    expect(await h.approvals(workspace.id)).toEqual([expect.objectContaining({ decision: "denied", via: "policy" })]);
  }, 30_000);
});

describe("hostile answers", () => {
  const post = (url: string, sessionId: string, body: string) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" },
      body,
    });
  const accept = (id: string, extra: Record<string, unknown> = {}) => JSON.stringify({ jsonrpc: "2.0", id, result: { action: "accept", content: { approve: true, ...extra } } });

  it("an answer for an id nobody waits for is taken (202) and stores nothing", async () => {
    const { url, app } = await h.agentApp();
    const { transport } = await askingClient(url, async () => ({ action: "decline" }));
    const id = "switchyard-ask-AAAAAAAAAAAAAAAAAAAAAA";
    const response = await post(url, transport.sessionId!, accept(id));
    expect(response.status).toBe(202);
    const key = askKey({ serverKey: app.id, clientScope: transport.sessionId!, requestId: id });
    expect(await getKv().get(kvKeys.mcpAskAnswer(key))).toBeNull();
    expect(await getKv().get(kvKeys.mcpAskWaiting(key))).toBeNull();
  }, 30_000);

  it("another client's answer to a waiting question, and an oversized one from the asked client, do not run the tool and leave nothing behind", async () => {
    const { url, app } = await h.agentApp();
    let asked: (id: string) => void = () => {};
    const askedId = new Promise<string>((resolve) => (asked = resolve));
    let release: () => void = () => {};
    const { client, transport } = await askingClient(url, (_, extra) => {
      asked(String(extra.requestId));
      // The asked client itself stays silent until the end: only the hostile answers below could decide.
      return new Promise((resolve) => (release = () => resolve({ action: "decline" })));
    });
    const other = await askingClient(url, async () => ({ action: "decline" }));
    const running = call(client);
    const id = await askedId;
    const sessionId = transport.sessionId!;
    // Another client (its own session) answering the question: dropped, the call keeps waiting.
    expect((await post(url, other.transport.sessionId!, accept(id))).status).toBe(202);
    const otherKey = askKey({ serverKey: app.id, clientScope: other.transport.sessionId!, requestId: id });
    expect(await getKv().get(kvKeys.mcpAskAnswer(otherKey))).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.tools.notes).toEqual([]);
    // The asked client's session with an answer far larger than a yes/no form: refused, never read as a yes.
    expect((await post(url, sessionId, accept(id, { padding: "x".repeat(50_000) }))).status).toBe(202);
    await running;
    release();
    expect(h.tools.notes).toEqual([]);
    expect(h.toolMessage()).toContain("the client's answer was too large to read.");
    const key = askKey({ serverKey: app.id, clientScope: sessionId, requestId: id });
    expect(await getKv().get(kvKeys.mcpAskAnswer(key))).toBeNull();
    expect(await getKv().get(kvKeys.mcpAskWaiting(key))).toBeNull();
  }, 30_000);
});
