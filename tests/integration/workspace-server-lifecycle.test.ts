// The workspace MCP server's own switch and URL, and whose apps it offers: off and on, Regenerate, a deleted app,
// a workspace with nothing published yet, and another workspace's apps (never offered, never switchable).
import { describe, expect, it } from "vitest";
import { callerAs, createOwner } from "../support/fixtures";
import { connectClient } from "../support/published-app";
import { useWorkspaceHarness, workspaceCallLogs } from "../support/workspace-apps";

const { h, workspace } = useWorkspaceHarness();
const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body: JSON.stringify(body) });

describe("the server's switch and URL", () => {
  it("turned off, it answers 503 not active and names no app; turned on again, the same URL serves", async () => {
    const ws = await workspace();
    const client = await h.connect(ws.url);
    await ws.caller.workspaceServer.disable();
    expect(await ws.caller.workspaceServer.get()).toMatchObject({ enabled: false, url: expect.any(String) });

    await expect(client.listTools()).rejects.toMatchObject({ code: 503, message: expect.stringContaining("server is not active") });
    const response = await post(ws.url, { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "trip_planner", arguments: { query: "Hi", city: "Oslo" } } });
    expect(response.status).toBe(503);
    expect(JSON.stringify(await response.json())).not.toMatch(/Trip planner|trip_planner/);
    expect(h.llm.requests).toHaveLength(0);

    const { url } = await ws.caller.workspaceServer.enable();
    expect(h.endpoint.localUrl(url)).toBe(ws.url);
    expect((await client.listTools()).tools).toHaveLength(3);
  });

  it("after Regenerate the old URL is refused with 404 at once and the new one lists the tools", async () => {
    const ws = await workspace();
    const client = await h.connect(ws.url);
    const { url: fresh } = await ws.caller.workspaceServer.regenerate();
    expect(h.endpoint.localUrl(fresh)).not.toBe(ws.url);
    expect((await ws.caller.workspaceServer.get()).url).toBe(fresh);

    expect((await post(ws.url, { jsonrpc: "2.0", id: 1, method: "ping" })).status).toBe(404);
    await expect(client.listTools()).rejects.toMatchObject({ code: 404 });
    expect((await (await h.connect(h.endpoint.localUrl(fresh))).listTools()).tools).toHaveLength(3);
  });

  it("before it is turned on there is nothing to turn off, regenerate or set", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    expect(await caller.workspaceServer.get()).toMatchObject({ configured: false, enabled: false, url: null, apps: [] });
    for (const attempt of [() => caller.workspaceServer.disable(), () => caller.workspaceServer.regenerate(), () => caller.workspaceServer.update({ instructions: "x" })]) {
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND", message: "Turn the workspace MCP server on first." });
    }
  });

  it("with nothing published it is on and lists no tools", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const { url } = await caller.workspaceServer.enable();
    const client = h.track(await connectClient(h.endpoint.localUrl(url)));
    expect((await client.listTools()).tools).toEqual([]);
  });
});

describe("whose apps it offers", () => {
  it("a deleted app is gone from the next tools/list", async () => {
    const ws = await workspace();
    const client = await h.connect(ws.url);
    expect((await client.listTools()).tools).toHaveLength(3);
    await ws.caller.apps.delete({ id: ws.chat.id });
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(["echo_agent", "order_summary"]);
  });

  it("a renamed app, or one with a new icon, shows so in the next tools/list", async () => {
    const ws = await workspace();
    const client = await h.connect(ws.url);
    const before = (await client.listTools()).tools[2]!;
    await ws.caller.apps.update({ id: ws.completion.id, name: "Order digest", icon: "🧾", iconBackground: "#123456" });
    const after = (await client.listTools()).tools[2]!;
    // Its name follows the app's name while its own server sets none.
    expect(after).toMatchObject({ name: "order_digest", title: "Order digest" });
    expect(after.icons![0]!.src).toMatch(/\/mcp\/icons\/123456\//);
    expect(after.icons![0]!.src).not.toBe(before.icons![0]!.src);
  });

  it("each workspace's server offers only its own apps under the same names, and another workspace's app cannot be switched", async () => {
    const [mine, theirs] = await Promise.all([workspace(), workspace()]);
    const client = await h.connect(mine.url);
    h.llm.script([{ text: "Mine." }]);
    await client.callTool({ name: "trip_planner", arguments: { query: "Hi", city: "Oslo" } });
    const [call] = (await workspaceCallLogs(mine.workspaceId)).filter((row) => row.method === "tools/call");
    expect(call).toMatchObject({ appId: mine.chat.id, workspaceServer: true });
    expect(await workspaceCallLogs(theirs.workspaceId)).toEqual([]);

    await expect(mine.caller.workspaceServer.setIncluded({ appId: theirs.chat.id, included: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const theirClient = await h.connect(theirs.url);
    expect((await theirClient.listTools()).tools.map((t) => t.name)).toEqual(["trip_planner", "echo_agent", "order_summary"]);
    expect((await mine.caller.workspaceServer.get()).apps.map((app) => app.appId)).toEqual([mine.chat.id, mine.agent.id, mine.completion.id]);
  });
});
