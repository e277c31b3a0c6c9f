// A published call whose agent runs a tool that asks first (save_note), on the 2026-07-28 lane: no stream to ask
// on, so the call answers input_required with the question and a sealed requestState; the client asks its user and
// retries with the answer, maybe at another instance, and the run goes on from where it asked (it is not started
// over). The SDK v2 client drives the rounds itself; hand-made requests check the wire, the second instance and
// hostile retries. Real tool server, scripted model, the real KV store.
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { describe, expect, it } from "vitest";
import { roundStateCodec } from "@/server/mcp/server/round-trips";
import { useAskingEndpointHarness } from "../support/asking-endpoint-harness";
import { modernHeaders, modernProtocolVersion, modernRequest } from "../support/modern-client";

const askTimeoutMs = 4_000;
const h = useAskingEndpointHarness({ askTimeoutMs });


type Answer = (params: { message: string; requestedSchema: unknown }) => Promise<{ action: "accept" | "decline" | "cancel"; content?: Record<string, unknown> }>;

async function sdkClient(url: string, answer: Answer) {
  const client = new Client(
    { name: "rounds-client", version: "2.0.0" },
    { capabilities: { elicitation: { form: {} } }, versionNegotiation: { mode: { pin: modernProtocolVersion } } },
  );
  client.setRequestHandler("elicitation/create", (request) => answer(request.params as never) as never);
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return h.track(client);
}

const formCapable = { "io.modelcontextprotocol/clientCapabilities": { elicitation: { form: {} } } };
const args = { name: "weather_helper", arguments: { query: "Remember: buy milk." } };
/** One hand-made round to `url` (a retry when `retry` carries inputResponses and requestState). */
async function round(url: string, retry: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { ...modernHeaders("tools/call", "weather_helper"), ...headers },
    body: JSON.stringify(modernRequest(1, "tools/call", { ...args, ...retry }, formCapable)),
  });
  return (await response.json()) as { result?: Record<string, unknown> & { inputRequests?: Record<string, { method: string; params: Record<string, unknown> }>; requestState?: string }; error?: { code: number; message: string } };
}
const onSecond = (url: string) => new URL(new URL(url).pathname, h.second.origin).toString();
const yes = { action: "accept", content: { approve: true } };

describe("a 2026-07-28 client that can show a form is asked through input_required", () => {
  it("the SDK client answers yes: the tool runs once, the model is asked once per step, and the decision is recorded", async () => {
    const { url, workspace } = await h.agentApp();
    const seen: string[] = [];
    const client = await sdkClient(url, async (params) => {
      seen.push(params.message);
      return { action: "accept", content: { approve: true } };
    });
    const result = await client.callTool(args);
    expect(result.structuredContent).toMatchObject({ answer: "Done." });
    expect(h.tools.notes).toEqual(["buy milk"]);
    expect(seen).toEqual([expect.stringMatching(/Note keeper wants to run the tool "Save note" \(test__save_note\)[\s\S]*buy milk/)]);
    // Not started over: one model request for the step that asked, one after the tool ran.
    expect(h.llm.requests).toHaveLength(2);
    expect(await h.approvals(workspace.id)).toEqual([expect.objectContaining({ decision: "approved", via: "elicitation", userId: null })]);
  }, 30_000);

  it("the SDK client declines: the tool is not run and the model is told the user declined", async () => {
    const { url, workspace } = await h.agentApp();
    const client = await sdkClient(url, async () => ({ action: "decline" }));
    const result = await client.callTool(args);
    expect(result.structuredContent).toMatchObject({ answer: "Done." });
    expect(h.tools.notes).toEqual([]);
    expect(h.toolMessage()).toContain("Not run: this tool asks first, and the user declined it.");
    expect(await h.approvals(workspace.id)).toEqual([expect.objectContaining({ decision: "denied", via: "elicitation" })]);
  }, 30_000);

  it("two calls that ask in one step are asked one round each, in order", async () => {
    const { url } = await h.agentApp(["buy milk", "call mum"]);
    const seen: string[] = [];
    const client = await sdkClient(url, async (params) => {
      seen.push(params.message);
      return params.message.includes("call mum") ? { action: "decline" } : { action: "accept", content: { approve: true } };
    });
    await client.callTool(args);
    expect(seen).toEqual([expect.stringContaining("buy milk"), expect.stringContaining("call mum")]);
    expect(h.tools.notes).toEqual(["buy milk"]);
  }, 30_000);
});

describe("the rounds on the wire", () => {
  it("the first round asks with a sealed state; the retry reaches a second instance and gets the run's answer", async () => {
    const { url, caller, app } = await h.agentApp();
    const first = await round(url);
    expect(first.result).toMatchObject({ resultType: "input_required", requestState: expect.stringMatching(/^v1\./) });
    const [[key, request]] = Object.entries(first.result!.inputRequests!) as [[string, { method: string; params: Record<string, unknown> }]];
    expect(request).toMatchObject({ method: "elicitation/create", params: { mode: "form", message: expect.stringContaining("buy milk"), requestedSchema: { required: ["approve"] } } });
    expect(h.tools.notes).toEqual([]);

    const retry = { inputResponses: { [key]: yes }, requestState: first.result!.requestState };
    const done = await round(onSecond(url), retry);
    expect(done.result).toMatchObject({ resultType: "complete", structuredContent: { answer: "Done." } });
    expect(h.tools.notes).toEqual(["buy milk"]);
    // The same retry again (a client that lost the answer) gets the same answer; the tool does not run twice.
    expect((await round(url, retry)).result).toMatchObject({ structuredContent: { answer: "Done." } });
    expect(h.tools.notes).toEqual(["buy milk"]);
    // One log line per round; the rounds that carried the answer name the run's conversation.
    const lines = (await h.callLogs(caller, app.id)).filter((line) => line.method === "tools/call");
    expect(lines.map((line) => line.outcome)).toEqual(["ok", "ok", "ok"]);
    expect(lines.filter((line) => line.conversationId)).toHaveLength(2);
  }, 30_000);

  it("a retry without the answer, or with one that is not an answer, refuses the tool", async () => {
    for (const inputResponses of [{}, { ["switchyard-ask-x"]: yes }]) {
      const { url } = await h.agentApp();
      const first = await round(url);
      const key = Object.keys(first.result!.inputRequests!)[0]!;
      const broken = Object.keys(inputResponses).length ? { [key]: "yes please" } : {};
      const done = await round(url, { inputResponses: broken, requestState: first.result!.requestState });
      expect(done.result).toMatchObject({ structuredContent: { answer: "Done." } });
      expect(h.tools.notes).toEqual([]);
      expect(h.toolMessage()).toContain("the client could not ask its user.");
    }
  }, 30_000);

  it("a question left unanswered past the limit refuses the tool; a late retry gets that outcome", async () => {
    const { url } = await h.agentApp();
    const first = await round(url);
    const key = Object.keys(first.result!.inputRequests!)[0]!;
    await expect.poll(() => h.llm.requests.length, { timeout: askTimeoutMs + 5_000 }).toBe(2);
    const late = await round(url, { inputResponses: { [key]: yes }, requestState: first.result!.requestState });
    expect(late.result).toMatchObject({ structuredContent: { answer: "Done." } });
    expect(h.tools.notes).toEqual([]);
    expect(h.toolMessage()).toContain(`nobody answered within ${askTimeoutMs / 1000} seconds.`);
  }, 30_000);
});

describe("hostile retries", () => {
  it("a tampered or foreign requestState is refused with -32602 and runs nothing", async () => {
    const { url } = await h.agentApp();
    const first = await round(url);
    const key = Object.keys(first.result!.inputRequests!)[0]!;
    const state = first.result!.requestState!;
    const [v, payload, mac] = state.split(".");
    const decoded = JSON.parse(Buffer.from(payload!, "base64url").toString());
    const forged = `${v}.${Buffer.from(JSON.stringify({ ...decoded, p: { ...decoded.p, tool: "other" } })).toString("base64url")}.${mac}`;
    for (const requestState of [forged, "v1.e30.AAAA", "x".repeat(5_000)]) {
      const answer = await round(url, { inputResponses: { [key]: yes }, requestState });
      expect(answer.error).toMatchObject({ code: -32602, message: "Invalid or expired requestState" });
    }
    expect(h.tools.notes).toEqual([]);
    // The question is still open to its own client, whose yes runs the tool.
    expect((await round(url, { inputResponses: { [key]: yes }, requestState: state })).result).toMatchObject({ structuredContent: { answer: "Done." } });
    expect(h.tools.notes).toEqual(["buy milk"]);
  }, 30_000);

  it("another client replaying a real requestState cannot answer the question or read the outcome", async () => {
    const { url } = await h.agentApp();
    const first = await round(url);
    const key = Object.keys(first.result!.inputRequests!)[0]!;
    const stolen = { inputResponses: { [key]: yes }, requestState: first.result!.requestState };
    const other = await round(url, stolen, { "user-agent": "someone-else/1" });
    expect(other.result).toMatchObject({ isError: true, content: [{ text: expect.stringContaining("no longer running") }] });
    expect(h.tools.notes).toEqual([]);
    expect((await round(url, stolen)).result).toMatchObject({ structuredContent: { answer: "Done." } });
    expect(h.tools.notes).toEqual(["buy milk"]);
  }, 30_000);

  it("a sealed state for a call that is not running says so at once", async () => {
    const { url } = await h.agentApp();
    const requestState = await roundStateCodec().mint({ call: "nothing-here", ask: "switchyard-ask-AAAAAAAAAAAAAAAAAAAAAA", tool: "weather_helper", id: 1 });
    const answer = await round(url, { inputResponses: {}, requestState });
    expect(answer.result).toMatchObject({ isError: true, content: [{ text: expect.stringContaining("no longer running") }] });
    expect(h.llm.requests).toHaveLength(0);
  }, 30_000);
});
