// A published app through the SDK's real Client over HTTP: every protocol version, the schema from the input
// form, answers from the scripted model, conversations and the call log. Progress and cancellation:
// published-server-cancellation.test.ts.
import { SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { findConversation } from "@/server/db/queries/conversations";
import { createPublishedApp } from "../support/published-app";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";
import { useEndpointHarness } from "../support/endpoint-harness";

const h = useEndpointHarness();
const { connect, callLogs } = h;
let tools: TestMcpServer;
beforeAll(async () => {
  tools = await startTestMcpServer();
});
afterAll(() => tools.close());

describe("protocol versions", () => {
  it.each(SUPPORTED_PROTOCOL_VERSIONS)("a client on %s initializes, lists and calls the tool", async (version) => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const client = await connect(url, { protocolVersion: version });
    expect(client.getServerVersion()).toMatchObject({ name: "weather_helper", title: "Weather helper", version: "1" });
    expect(client.getServerCapabilities()).toMatchObject({ tools: {} });

    const [tool] = (await client.listTools()).tools;
    const structured = version >= "2025-06-18";
    expect(tool!.name).toBe("weather_helper");
    expect(Boolean(tool!.outputSchema)).toBe(structured);

    h.llm.script([{ text: "Sunny." }]);
    const result = await client.callTool({ name: "weather_helper", arguments: { query: "Weather?" } });
    const text = (result.content as Array<{ text: string }>)[0]!.text;
    expect(JSON.parse(text)).toEqual({ answer: "Sunny.", conversation_id: expect.any(String) });
    // Every version gets both: some hosts read only one of them; older clients ignore the field they do not know.
    expect(result.structuredContent).toEqual(JSON.parse(text));
  });

  it("a client asking for an unknown version is offered the latest one", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2099-01-01", capabilities: {}, clientInfo: { name: "future", version: "9" } } }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).result.protocolVersion).toBe(SUPPORTED_PROTOCOL_VERSIONS[0]);
    expect(response.headers.get("mcp-session-id")).toMatch(/^[A-Za-z0-9_-]{22}\./);
  });
});

describe("the tool's schema", () => {
  it("tools/list shows the schema built from every variable type, with descriptions, bounds and required flags", async () => {
    const variables = [
      { key: "city", label: "City", type: "text", required: true, maxLength: 80, description: "form text" },
      { key: "notes", label: "Notes", type: "paragraph" },
      { key: "units", label: "Units", type: "select", options: ["metric", "imperial"], required: true, default: "metric" },
      { key: "days", label: "Days", type: "number", min: 1, max: 14 },
      { key: "alerts", label: "Alerts", type: "checkbox" },
      { key: "extra", label: "Extra", type: "json" },
      { key: "place", label: "Place", type: "json", jsonSchema: { type: "object", properties: { lat: { type: "number" } }, required: ["lat"] } },
    ];
    const { url } = await createPublishedApp(h.endpoint, h.llm, {
      type: "completion",
      draft: { instructions: "Forecast for {{city}}", variables },
      settings: { toolDescription: "Forecasts.", parameterDescriptions: { city: "The city, e.g. Oslo.", notes: "Anything else.", units: "Units.", days: "How many days.", alerts: "Include alerts?", extra: "More options.", place: "Where." } },
    });
    const [tool] = (await (await connect(url)).listTools()).tools;
    expect(tool).toEqual({
      name: "weather_helper",
      title: "Weather helper",
      description: "Forecasts.",
      inputSchema: {
        type: "object",
        properties: {
          city: { title: "City", description: "The city, e.g. Oslo.", type: "string", maxLength: 80 },
          notes: { title: "Notes", description: "Anything else.", type: "string" },
          units: { title: "Units", description: "Units.", type: "string", enum: ["metric", "imperial"], default: "metric" },
          days: { title: "Days", description: "How many days.", type: "number", minimum: 1, maximum: 14 },
          alerts: { title: "Alerts", description: "Include alerts?", type: "boolean" },
          extra: { title: "Extra", description: "More options.", type: "object", additionalProperties: true },
          place: { title: "Place", description: "Where.", type: "object", properties: { lat: { type: "number" } }, required: ["lat"] },
        },
        // "units" is required in the form but has a default, so callers may leave it out.
        required: ["city"],
        additionalProperties: false,
      },
      outputSchema: { type: "object", properties: { answer: { type: "string", description: "The app's answer." } }, required: ["answer"] },
      // 2025-11-25 clients (the SDK's default) learn that a call may run as a task (published-server-tasks.test.ts).
      execution: { taskSupport: "optional" },
      // A text generator only asks its model: read-only, closed world (tool-annotations.ts).
      annotations: { title: "Weather helper", readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: false },
      // The app's emoji on its colour, served as an image (SEP-973).
      icons: [{ src: expect.stringMatching(/\/mcp\/icons\/[0-9A-Fa-f]{6}\/[A-Za-z0-9_-]+\.svg$/), mimeType: "image/svg+xml", sizes: ["any"] }],
    });
  });
});

describe("tools/call", () => {
  it("runs the published version: inputs fill the prompt, the answer comes back, and the call is logged with the client", async () => {
    const { url, caller, app, workspace } = await createPublishedApp(h.endpoint, h.llm, {
      draft: { instructions: "You forecast for {{city}}.", variables: [{ key: "city", label: "City", type: "text", required: true }] },
      settings: { parameterDescriptions: { city: "The city." } },
    });
    // Later draft edits are not published, so the endpoint keeps running version 1.
    await caller.apps.updateDraft({ id: app.id, draft: { instructions: "DRAFT ONLY" } as never });
    const client = await connect(url, { name: "claude-ai" });
    h.llm.script([{ text: "Rain in Bergen." }]);
    const result = await client.callTool({ name: "weather_helper", arguments: { query: "Tomorrow?", city: "Bergen" } });

    expect(h.llm.requests[0]!.messages).toEqual([
      { role: "system", content: "You forecast for Bergen." },
      { role: "user", content: "Tomorrow?" },
    ]);
    // Nobody listens for progress, so the answer is asked for whole rather than streamed.
    expect(h.llm.requests[0]!.stream).toBeFalsy();
    const { answer, conversation_id } = result.structuredContent as { answer: string; conversation_id: string };
    expect(answer).toBe("Rain in Bergen.");
    const conversation = await findConversation(await getDb(), { workspaceId: workspace.id, appId: app.id, id: conversation_id });
    expect(conversation).toMatchObject({ source: "mcp", appVersionId: (await caller.apps.get({ id: app.id })).published!.id, inputs: { city: "Bergen" } });

    const logs = await callLogs(caller, app.id);
    expect(logs.map((l) => l.method)).toEqual(["tools/call", "initialize"]);
    expect(logs[0]).toMatchObject({
      method: "tools/call",
      toolArguments: { query: "Tomorrow?", city: "Bergen" },
      outcome: "ok",
      clientName: "claude-ai",
      clientVersion: "1.2.3",
      conversationId: conversation_id,
    });
    expect(logs[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(logs[1]).toMatchObject({ method: "initialize", outcome: "ok", clientName: "claude-ai", toolArguments: null });
  });

  it("a completion app takes no query and answers from its template", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm, {
      type: "completion",
      draft: { instructions: "Write a haiku about {{topic}}.", variables: [{ key: "topic", label: "Topic", type: "text", required: true }] },
      settings: { parameterDescriptions: { topic: "What the haiku is about." } },
    });
    const client = await connect(url);
    const [tool] = (await client.listTools()).tools;
    expect(Object.keys(tool!.inputSchema.properties!)).toEqual(["topic"]);
    h.llm.script([{ text: "Autumn moonlight" }]);
    const result = await client.callTool({ name: "weather_helper", arguments: { topic: "autumn" } });
    expect(result.structuredContent).toEqual({ answer: "Autumn moonlight" });
    expect(h.llm.requests[0]!.messages).toEqual([{ role: "user", content: "Write a haiku about autumn." }]);
  });

  it("conversation_id continues a conversation: the model sees the earlier turn", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const client = await connect(url);
    h.llm.script([{ text: "Hello Ada." }, { text: "You are Ada." }]);
    const first = await client.callTool({ name: "weather_helper", arguments: { query: "I am Ada." } });
    const { conversation_id } = first.structuredContent as { conversation_id: string };
    const second = await client.callTool({ name: "weather_helper", arguments: { query: "Who am I?", conversation_id } });

    expect(second.structuredContent).toEqual({ answer: "You are Ada.", conversation_id });
    expect(h.llm.requests[1]!.messages).toEqual([
      { role: "user", content: "I am Ada." },
      { role: "assistant", content: "Hello Ada." },
      { role: "user", content: "Who am I?" },
    ]);
  });

  it("an unknown conversation_id, or one from Debug & Preview, is an isError result that says what to do", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const client = await connect(url);
    const unknown = await client.callTool({ name: "weather_helper", arguments: { query: "Hi", conversation_id: "no-such-conversation" } });
    expect(unknown).toMatchObject({ isError: true, content: [{ type: "text", text: expect.stringMatching(/No conversation .* was found\. Leave out conversation_id/) }] });

    const { startTurn } = await import("@/server/db/queries/conversations");
    const workspaceId = (await caller.workspaces.current()).id;
    const debug = await startTurn(await getDb(), {
      workspaceId,
      conversation: { appId: app.id, appVersionId: null, source: "debug", inputs: {}, title: "debug", createdBy: null },
      query: "Hi",
      model: "m",
      leaseSeconds: 30,
    });
    const fromDebug = await client.callTool({ name: "weather_helper", arguments: { query: "Hi", conversation_id: debug.conversationId } });
    expect(fromDebug.isError).toBe(true);
    expect(h.llm.requests).toHaveLength(0);
  });

  it("a failing model gives an isError result that helps the caller and leaks nothing; the owner's log has the detail", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const client = await connect(url);
    h.llm.script([{ status: 401, errorBody: { error: { message: "Incorrect API key provided: sk-test-secret", type: "auth" } } }]);
    const result = await client.callTool({ name: "weather_helper", arguments: { query: "Hi" } });
    expect(result).toMatchObject({ isError: true });
    const text = JSON.stringify(result);
    expect(text).toMatch(/could not finish its answer.*tell the app's owner/);
    expect(text).not.toMatch(/sk-test|401|Incorrect|stack|at \w+ \(/);
    const [log] = await callLogs(caller, app.id);
    expect(log).toMatchObject({ method: "tools/call", outcome: "error", error: expect.stringContaining("401") });
    expect(log!.error).not.toContain("sk-test-secret");
  });
});

describe("the call log", () => {
  it("stores a client's NUL bytes and unpaired surrogates as U+FFFD, and never loses other rows of the batch to them", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const post = (body: unknown, userAgent = "plain-client") =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "user-agent": userAgent },
        body: JSON.stringify(body),
      });
    const hostile = "x\u0000y\ud800z\udc00";
    h.llm.script([{ text: "Hello." }]);
    // Sent together, so they share the log's batch.
    const responses = await Promise.all([
      post({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: hostile, version: hostile } } }),
      post({ jsonrpc: "2.0", id: 2, method: `tools/${hostile}` }),
      post({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "weather_helper", arguments: { query: "Hi", [hostile]: [hostile, "\\u0000 stays as typed"] } } }),
      post({ jsonrpc: "2.0", id: 4, method: "tools/list" }),
      post({ jsonrpc: "2.0", id: 5, method: "ping" }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);

    const logs = await callLogs(caller, app.id);
    expect(logs.map((l) => l.method).sort()).toEqual(["initialize", "ping", "tools/call", "tools/list", "tools/x\uFFFDy\uFFFDz\uFFFD"]);
    const clean = "x\uFFFDy\uFFFDz\uFFFD";
    expect(logs.find((l) => l.method === "initialize")).toMatchObject({ clientName: clean, clientVersion: clean });
    expect(logs.find((l) => l.method === "tools/call")!.toolArguments).toEqual({ query: "Hi", [clean]: [clean, "\\u0000 stays as typed"] });
  });
});
