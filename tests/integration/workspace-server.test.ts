// The workspace MCP server (issue #26, "Done when") through the SDK's real clients over HTTP: a workspace with a
// chat app, an agent whose tools come from server-everything and a text generator with a JSON input answers
// tools/list with all three as the hosts need them, runs each, and logs each call against its app.
// What changes the tool list (new versions, switches, clashing names) is in workspace-server-changes.test.ts.
import { describe, expect, it } from "vitest";
import { connectModernClient, modernHeaders, modernRequest } from "../support/modern-client";
import { orderSchema, useWorkspaceHarness, workspaceCallLogs } from "../support/workspace-apps";

const { h, workspace } = useWorkspaceHarness();
// The app's emoji on its colour, served under APP_URL as an image (SEP-973).
const iconPath = new URL("/mcp/icons/", process.env.APP_URL).toString().replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const icon = [{ src: expect.stringMatching(new RegExp(`^${iconPath}[0-9A-Fa-f]{6}/[A-Za-z0-9_-]+\\.svg$`)), mimeType: "image/svg+xml", sizes: ["any"] }];
const conversational = {
  query: { type: "string", title: "Message", description: "The message to send to the app." },
  conversation_id: expect.objectContaining({ type: "string", title: "Conversation id" }),
};
const withConversation = { type: "object", properties: { answer: expect.any(Object), conversation_id: expect.any(Object) }, required: ["answer", "conversation_id"] };

describe("tools/list", () => {
  it("offers the three apps as three tools with names, titles, descriptions, schemas, annotations and icons", async () => {
    const ws = await workspace();
    const client = await h.connect(ws.url);
    expect(client.getServerVersion()).toMatchObject({ name: "switchyard-workspace" });
    // A 2025 client that keeps its session hears when the owner changes the set of tools.
    expect(client.getServerCapabilities()?.tools).toEqual({ listChanged: true });

    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["trip_planner", "echo_agent", "order_summary"]);
    const [chat, agent, completion] = tools;
    expect(chat).toEqual({
      name: "trip_planner",
      title: "Trip planner",
      description: 'Runs the chat app "Trip planner" and returns its answer.',
      inputSchema: {
        type: "object",
        properties: { ...conversational, city: { title: "City", description: "Where to go", type: "string" } },
        required: ["query", "city"],
        additionalProperties: false,
      },
      outputSchema: withConversation,
      annotations: { title: "Trip planner", readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: false },
      icons: icon,
    });
    // The workspace server runs no tasks (tasks are stored per app), so no tool says it may run as one.
    expect(chat!.execution).toBeUndefined();
    expect(agent).toMatchObject({
      title: "Echo agent",
      description: 'Runs the agent "Echo agent" and returns its answer.',
      outputSchema: withConversation,
      // echo is read-only, gzip-file-as-resource is not (but says it is not destructive) and reaches the open world.
      annotations: { title: "Echo agent", readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
      icons: icon,
    });
    expect(Object.keys(agent!.inputSchema.properties!)).toEqual(["query", "conversation_id"]);
    expect(completion).toEqual({
      name: "order_summary",
      title: "Order summary",
      description: 'Runs the text generator "Order summary" and returns its answer.',
      inputSchema: { type: "object", properties: { order: { ...orderSchema, title: "Order", description: "The order" } }, required: ["order"], additionalProperties: false },
      outputSchema: { type: "object", properties: { answer: expect.any(Object) }, required: ["answer"] },
      annotations: { title: "Order summary", readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: false },
      icons: icon,
    });
  });

  it("an app whose own server is set up is offered under that server's tool name, description and parameter descriptions", async () => {
    const ws = await workspace();
    await ws.caller.publishedServers.enable({
      appId: ws.chat.id,
      toolName: "plan_trip",
      toolDescription: "Plans a trip to one city.",
      parameterDescriptions: { city: "The city to plan for, e.g. Oslo." },
    });
    const client = await h.connect(ws.url);
    const [chat] = (await client.listTools()).tools;
    expect(chat).toMatchObject({ name: "plan_trip", title: "Trip planner", description: "Plans a trip to one city." });
    expect(chat!.inputSchema.properties!.city).toEqual({ title: "City", description: "The city to plan for, e.g. Oslo.", type: "string" });
  });

  it("the owner's instructions reach the client at initialize, and an agent bound to read-only tools only is read-only", async () => {
    const ws = await workspace();
    await ws.caller.workspaceServer.update({ instructions: "  Trip planning, echoes and order summaries.  " });
    const everythingServer = (await ws.caller.mcpServers.list()).find((s) => s.identifier === "everything")!;
    await ws.publish({ type: "agent", name: "Reader", draft: { tools: [{ serverId: everythingServer.id, mode: "selected", tools: [{ name: "echo", enabled: true }] }] } });
    const client = await h.connect(ws.url);
    expect(client.getInstructions()).toBe("Trip planning, echoes and order summaries.");
    const tool = (await client.listTools()).tools.find((t) => t.name === "reader");
    expect(tool?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false, openWorldHint: false });
  });
});

describe("tools/call", () => {
  it("runs each app and answers with structuredContent and the same JSON as text; the agent really calls server-everything", async () => {
    const ws = await workspace();
    const client = await h.connect(ws.url, { name: "claude-ai" });
    const text = (result: Record<string, unknown>) => JSON.parse((result.content as Array<{ text: string }>)[0]!.text);

    h.llm.script([{ text: "Three days in Oslo." }]);
    const chat = await client.callTool({ name: "trip_planner", arguments: { query: "Plan it.", city: "Oslo" } });
    expect(chat.structuredContent).toEqual({ answer: "Three days in Oslo.", conversation_id: expect.any(String) });
    expect(text(chat)).toEqual(chat.structuredContent);
    expect(h.llm.requests[0]!.messages).toEqual([
      { role: "system", content: "You plan trips to Oslo." },
      { role: "user", content: "Plan it." },
    ]);

    h.llm.script([
      { toolCalls: [{ name: "everything__echo", arguments: { message: "hello from the workspace" } }] },
      (body) => ({ text: `Tool said: ${body.messages.filter((m) => m.role === "tool").map((m) => JSON.stringify(m.content)).join()}` }),
    ]);
    const agent = await client.callTool({ name: "echo_agent", arguments: { query: "Echo something." } });
    expect((agent.structuredContent as { answer: string }).answer).toMatch(/^Tool said: .*Echo: hello from the workspace/);
    expect(text(agent)).toEqual(agent.structuredContent);
    expect(h.llm.requests[1]!.tools!.map((t) => t.function.name).sort()).toEqual(["everything__echo", "everything__gzip-file-as-resource"]);

    h.llm.script([{ text: "Two apples." }]);
    const completion = await client.callTool({ name: "order_summary", arguments: { order: { item: "apple", quantity: 2 } } });
    expect(completion.structuredContent).toEqual({ answer: "Two apples." });
    expect(text(completion)).toEqual(completion.structuredContent);
    expect(JSON.stringify(h.llm.requests[3]!.messages)).toContain("apple");

    // The JSON input's schema is enforced on the call, as on the app's own server.
    const bad = await client.callTool({ name: "order_summary", arguments: { order: { quantity: 0 } } });
    expect(bad.isError).toBe(true);
    expect(h.llm.requests).toHaveLength(4);

    // Each call's log row names the app it ran; tools/list (and initialize) ran none.
    await client.listTools();
    const logs = await workspaceCallLogs(ws.workspaceId);
    expect(logs.every((row) => row.workspaceServer)).toBe(true);
    const calls = logs.filter((row) => row.method === "tools/call").reverse();
    expect(calls.map((row) => [row.appId, row.outcome, row.clientName])).toEqual([
      [ws.chat.id, "ok", "claude-ai"],
      [ws.agent.id, "ok", "claude-ai"],
      [ws.completion.id, "ok", "claude-ai"],
      [ws.completion.id, "error", "claude-ai"],
    ]);
    expect(logs.filter((row) => row.method !== "tools/call").map((row) => [row.method, row.appId])).toEqual([
      ["tools/list", null],
      ["initialize", null],
    ]);
  });

  it("cancelling a call stops that app's run, and the log row says cancelled against the app", async () => {
    const ws = await workspace();
    const client = await h.connect(ws.url);
    h.llm.script([{ text: "Too late.", delayMs: 10_000 }]);
    const controller = new AbortController();
    const call = client.callTool({ name: "order_summary", arguments: { order: { item: "tea" } } }, undefined, { signal: controller.signal });
    await expect.poll(() => h.llm.requests.length).toBe(1);
    controller.abort("user pressed stop");
    await expect(call).rejects.toThrow();
    await expect.poll(() => h.llm.abortedRequests).toEqual([0]);
    await expect
      .poll(async () => (await workspaceCallLogs(ws.workspaceId)).find((row) => row.method === "tools/call"))
      .toMatchObject({ appId: ws.completion.id, workspaceServer: true, outcome: "cancelled" });
  });

  it("a name the server does not offer is an Unknown tool error that points at tools/list", async () => {
    const ws = await workspace();
    const client = await h.connect(ws.url);
    await expect(client.callTool({ name: "weather_helper", arguments: { query: "Hi" } })).rejects.toThrow(/Unknown tool "weather_helper"\. Call tools\/list/);
    expect(h.llm.requests).toHaveLength(0);
  });
});

describe("a 2026-07-28 client (SDK v2)", () => {
  it("lists the workspace's tools and calls them with no session", async () => {
    const ws = await workspace();
    const client = h.track(await connectModernClient(ws.url, { name: "next-host" }));
    expect(client.getProtocolEra()).toBe("modern");
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["trip_planner", "echo_agent", "order_summary"]);
    expect(tools[2]!.inputSchema.properties!.order).toMatchObject(orderSchema);

    h.llm.script([{ text: "Bergen it is." }, { text: "One pear." }]);
    const chat = await client.callTool({ name: "trip_planner", arguments: { query: "Where?", city: "Bergen" } });
    expect(chat.structuredContent).toEqual({ answer: "Bergen it is.", conversation_id: expect.any(String) });
    const completion = await client.callTool({ name: "order_summary", arguments: { order: { item: "pear" } } });
    expect(completion.structuredContent).toEqual({ answer: "One pear." });

    const calls = (await workspaceCallLogs(ws.workspaceId)).filter((row) => row.method === "tools/call");
    expect(calls.map((row) => [row.appId, row.workspaceServer, row.clientName])).toEqual([
      [ws.completion.id, true, "next-host"],
      [ws.chat.id, true, "next-host"],
    ]);
  });

  it("is told no list_changed will come: subscriptions/listen is acknowledged and ends at once, and tools/list carries a short cache hint", async () => {
    const ws = await workspace();
    const post = (body: unknown, method: string) => fetch(ws.url, { method: "POST", headers: modernHeaders(method), body: JSON.stringify(body), signal: AbortSignal.timeout(5_000) });
    const discover = await (await post(modernRequest(1, "server/discover"), "server/discover")).json();
    // A stateless 2026 exchange has no stream to carry the notification on (list-changed.ts).
    expect(discover.result.capabilities.tools).toEqual({ listChanged: false });
    const listen = await post(modernRequest(2, "subscriptions/listen", { notifications: { toolsListChanged: true } }), "subscriptions/listen");
    const events = (await listen.text()).split("\n").filter((line) => line.startsWith("data: ")).map((line) => JSON.parse(line.slice(6)));
    expect(events.map((e: { method?: string; id?: number }) => e.method ?? e.id)).toEqual(["notifications/subscriptions/acknowledged", 2]);
    const list = await (await post(modernRequest(3, "tools/list"), "tools/list")).json();
    expect(list.result).toMatchObject({ ttlMs: 10_000, cacheScope: "private" });
  });
});
