// What changes the workspace MCP server's tools, seen by a client that is already connected (its instance has the
// server cached): a new published version runs at the next call, a switch takes an app off (and back) at once,
// "include newly published apps" decides about apps published later, and two apps wanting one name both get one.
import { ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { useWorkspaceHarness, workspaceCallLogs } from "../support/workspace-apps";

const { h, workspace, everythingUrl } = useWorkspaceHarness();
const names = async (client: Awaited<ReturnType<typeof h.connect>>) => (await client.listTools()).tools.map((t) => t.name);

describe("following the apps", () => {
  it("a new published version is what the next call runs: the model sees the new instructions", async () => {
    const ws = await workspace();
    const client = await h.connect(ws.url);
    h.llm.script([{ text: "First." }]);
    await client.callTool({ name: "trip_planner", arguments: { query: "Go.", city: "Rome" } });
    expect(h.llm.requests[0]!.messages[0]).toEqual({ role: "system", content: "You plan trips to Rome." });

    const draft = (await ws.caller.apps.get({ id: ws.chat.id })).draft as Record<string, unknown>;
    await ws.caller.apps.updateDraft({ id: ws.chat.id, draft: { ...draft, instructions: "You plan cheap trips to {{city}}." } as never });
    // A draft is not served...
    h.llm.script([{ text: "Still first." }]);
    await client.callTool({ name: "trip_planner", arguments: { query: "Go.", city: "Rome" } });
    expect(h.llm.requests[1]!.messages[0]).toEqual({ role: "system", content: "You plan trips to Rome." });
    // ...a published version is, at the very next call on the same connection.
    await ws.caller.apps.publish({ id: ws.chat.id });
    h.llm.script([{ text: "Cheap." }]);
    const result = await client.callTool({ name: "trip_planner", arguments: { query: "Go.", city: "Rome" } });
    expect(h.llm.requests[2]!.messages[0]).toEqual({ role: "system", content: "You plan cheap trips to Rome." });
    expect(result.structuredContent).toMatchObject({ answer: "Cheap." });
  });

  it("switching an app off drops it from the very next tools/list and refuses its calls; switching it on brings it back", async () => {
    const ws = await workspace();
    const client = await h.connect(ws.url);
    expect(await names(client)).toEqual(["trip_planner", "echo_agent", "order_summary"]);

    await ws.caller.workspaceServer.setIncluded({ appId: ws.agent.id, included: false });
    expect(await names(client)).toEqual(["trip_planner", "order_summary"]);
    await expect(client.callTool({ name: "echo_agent", arguments: { query: "Echo." } })).rejects.toThrow(/Unknown tool "echo_agent"/);
    expect(h.llm.requests).toHaveLength(0);
    // The app's own switch stays off across a new version.
    await ws.caller.apps.publish({ id: ws.agent.id });
    expect(await names(client)).toEqual(["trip_planner", "order_summary"]);

    await ws.caller.workspaceServer.setIncluded({ appId: ws.agent.id, included: true });
    expect(await names(client)).toEqual(["trip_planner", "echo_agent", "order_summary"]);
    h.llm.script([{ text: "Back." }]);
    expect((await client.callTool({ name: "echo_agent", arguments: { query: "Echo." } })).structuredContent).toMatchObject({ answer: "Back." });
  });

  it("the SDK client that listed the tools hears list_changed on its next call that asked for progress", async () => {
    const ws = await workspace();
    const client = await h.connect(ws.url);
    let heard = 0;
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => void heard++);
    await client.listTools();
    await ws.caller.workspaceServer.setIncluded({ appId: ws.agent.id, included: false });
    h.llm.script([{ text: "One." }, { text: "Two." }]);
    const progressCall = () => client.callTool({ name: "trip_planner", arguments: { query: "Go.", city: "Oslo" } }, undefined, { onprogress: () => {} });
    await progressCall();
    expect(heard).toBe(1);
    // Once: it has not listed again, and nothing changed since.
    await progressCall();
    expect(heard).toBe(1);
  });

  it('"include newly published apps" off keeps a newly published app out and the apps already offered in; on lets it in', async () => {
    const ws = await workspace();
    const client = await h.connect(ws.url);
    await ws.caller.workspaceServer.update({ includeNewApps: false });
    const late = await ws.publish({ name: "Late arrival" });
    expect(await names(client)).toEqual(["trip_planner", "echo_agent", "order_summary"]);
    await expect(client.callTool({ name: "late_arrival", arguments: { query: "Hi" } })).rejects.toThrow(/Unknown tool/);
    const status = await ws.caller.workspaceServer.get();
    expect(status.apps.find((app) => app.appId === late.id)).toMatchObject({ included: false, switched: null });

    await ws.caller.workspaceServer.update({ includeNewApps: true });
    expect(await names(client)).toEqual(["trip_planner", "echo_agent", "order_summary", "late_arrival"]);
    // An app the owner switched on stays in whatever the setting says.
    await ws.caller.workspaceServer.setIncluded({ appId: late.id, included: true });
    await ws.caller.workspaceServer.update({ includeNewApps: false });
    expect(await names(client)).toContain("late_arrival");
  });

  it("an agent's hints follow its tool server's stored tools at the next request: Update tools, then removing the server", async () => {
    const ws = await workspace();
    // A server whose tools were not fetched yet: the agent bound to all of them can call nothing, so it is read-only.
    const later = await ws.caller.mcpServers.create({ name: "Later", identifier: "later", url: everythingUrl() });
    await ws.publish({ type: "agent", name: "Later agent", draft: { tools: [{ serverId: later.id, mode: "all" }] } });
    const client = await h.connect(ws.url);
    const hints = async () => (await client.listTools()).tools.find((t) => t.name === "later_agent")!.annotations;
    expect(await hints()).toMatchObject({ readOnlyHint: true, openWorldHint: false });

    // Update tools stores server-everything's list, tools that write and reach the open world among them.
    const preview = await ws.caller.mcpServers.previewTools({ id: later.id });
    if (preview.status !== "ok") throw new Error(preview.message);
    await ws.caller.mcpServers.applyTools({ id: later.id, token: preview.token });
    expect(await hints()).toMatchObject({ readOnlyHint: false, openWorldHint: true });

    await ws.caller.mcpServers.delete({ id: later.id });
    expect(await hints()).toMatchObject({ readOnlyHint: true, openWorldHint: false });
  });

  it("two apps wanting the same tool name both get one: the older keeps it, the newer gets _2, and the console says so", async () => {
    const ws = await workspace();
    // One wants its derived name, the other sets the same name on its own server.
    const first = await ws.publish({ name: "Helper" });
    const second = await ws.publish({ name: "Support desk" });
    await ws.caller.publishedServers.enable({ appId: second.id, toolName: "helper", toolDescription: "Answers support questions." });
    const client = await h.connect(ws.url);
    const { tools } = await client.listTools();
    expect(tools.map((t) => [t.name, t.title, t.description])).toEqual([
      ["trip_planner", "Trip planner", expect.any(String)],
      ["echo_agent", "Echo agent", expect.any(String)],
      ["order_summary", "Order summary", expect.any(String)],
      ["helper", "Helper", 'Runs the chat app "Helper" and returns its answer.'],
      ["helper_2", "Support desk", "Answers support questions."],
    ]);
    const status = await ws.caller.workspaceServer.get();
    expect(status.apps.find((app) => app.appId === second.id)).toMatchObject({ toolName: "helper_2", renamedFrom: { name: "helper", takenBy: "Helper" } });
    expect(status.apps.find((app) => app.appId === first.id)).toMatchObject({ toolName: "helper", renamedFrom: null });

    // Each name runs its own app.
    h.llm.script([{ text: "From support." }]);
    await client.callTool({ name: "helper_2", arguments: { query: "Help." } });
    const [call] = (await workspaceCallLogs(ws.workspaceId)).filter((row) => row.method === "tools/call");
    expect(call).toMatchObject({ appId: second.id, workspaceServer: true, outcome: "ok" });

    // The older app switched off: the newer one takes the name back at once.
    await ws.caller.workspaceServer.setIncluded({ appId: first.id, included: false });
    expect((await names(client)).slice(3)).toEqual(["helper"]);
    expect((await client.listTools()).tools[3]!.title).toBe("Support desk");
  });
});
