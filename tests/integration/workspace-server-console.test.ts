// The console's side of the workspace MCP server: its access mode and keys (the same modes as an app's server,
// kept on the workspace server's row, taking effect at the next request) and its call log, filterable by app.
import { describe, expect, it } from "vitest";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { addMember } from "../support/fixtures";
import { useEndpointHarness } from "../support/endpoint-harness";
import { postPing } from "../support/post-message";
import { createPublishedApp } from "../support/published-app";

const h = useEndpointHarness();

/** A workspace with one published app (tool weather_helper) and its workspace server turned on. */
async function workspaceServer() {
  const published = await createPublishedApp(h.endpoint, h.llm);
  const { url } = await published.caller.workspaceServer.enable();
  return { ...published, workspaceUrl: h.endpoint.localUrl(url) };
}

describe("access modes of the workspace server", () => {
  it("API key mode refuses calls without one of the workspace server's keys, and a key opens it at once", async () => {
    const { caller, workspaceUrl } = await workspaceServer();
    expect((await postPing(workspaceUrl)).status).toBe(200);
    const access = await caller.workspaceServer.setAccess({ mode: "api_key" });
    expect(access).toEqual({ mode: "api_key", restricted: false, people: [] });
    expect((await caller.workspaceServer.get()).access.mode).toBe("api_key");
    expect((await postPing(workspaceUrl)).status).toBe(401);

    const created = await caller.workspaceServer.createKey({ name: "Claude Code" });
    expect(created.key).toMatch(/^sym_/);
    expect((await postPing(workspaceUrl, { authorization: `Bearer ${created.key}` })).status).toBe(200);
    const client = await h.connect(workspaceUrl, { headers: { authorization: `Bearer ${created.key}` } });
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(["weather_helper"]);
    expect((await caller.workspaceServer.listKeys()).map((k) => k.name)).toEqual(["Claude Code"]);

    await caller.workspaceServer.revokeKey({ id: created.id });
    expect((await postPing(workspaceUrl, { authorization: `Bearer ${created.key}` })).status).toBe(401);
    await expect(caller.workspaceServer.revokeKey({ id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keys of the workspace server and of an app's server open only their own server", async () => {
    const { caller, app, url: appUrl, workspaceUrl } = await workspaceServer();
    await caller.workspaceServer.setAccess({ mode: "api_key" });
    await caller.publishedServers.setAccess({ appId: app.id, mode: "api_key" });
    const workspaceKey = await caller.workspaceServer.createKey({ name: "workspace" });
    const appKey = await caller.publishedServers.createKey({ appId: app.id, name: "app" });
    expect((await postPing(appUrl, { authorization: `Bearer ${workspaceKey.key}` })).status).toBe(401);
    expect((await postPing(workspaceUrl, { authorization: `Bearer ${appKey.key}` })).status).toBe(401);
    expect((await caller.workspaceServer.listKeys()).map((k) => k.id)).toEqual([workspaceKey.id]);
    expect((await caller.publishedServers.listKeys({ appId: app.id })).map((k) => k.id)).toEqual([appKey.id]);
    // Revoking through the other server's procedure finds nothing.
    await expect(caller.publishedServers.revokeKey({ appId: app.id, id: workspaceKey.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a key made in another mode opens nothing; back to the URL alone, anyone with it is in again", async () => {
    const { caller, workspaceUrl } = await workspaceServer();
    const { key } = await caller.workspaceServer.createKey({ name: "early" });
    await caller.workspaceServer.setAccess({ mode: "sign_in" });
    const refused = await postPing(workspaceUrl, { authorization: `Bearer ${key}` });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain("resource_metadata=");
    await caller.workspaceServer.setAccess({ mode: "url" });
    expect((await postPing(workspaceUrl)).status).toBe(200);
  });

  it("sign-in may be narrowed to chosen members, who are kept when the mode changes and must be members", async () => {
    const { caller, workspace, workspaceUrl } = await workspaceServer();
    const editor = await addMember(workspace.id, "editor");
    const access = await caller.workspaceServer.setAccess({ mode: "sign_in", restricted: true, people: [editor.id] });
    expect(access).toMatchObject({ mode: "sign_in", restricted: true, people: [{ userId: editor.id }] });
    expect((await postPing(workspaceUrl)).status).toBe(401);
    await caller.workspaceServer.setAccess({ mode: "url" });
    expect((await caller.workspaceServer.get()).access).toMatchObject({ mode: "url", people: [{ userId: editor.id }] });
    await expect(caller.workspaceServer.setAccess({ mode: "sign_in", restricted: true, people: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const outsider = await createPublishedApp(h.endpoint, h.llm);
    await expect(caller.workspaceServer.setAccess({ mode: "sign_in", restricted: true, people: [outsider.user.id] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/members of this workspace/),
    });
    // The app's own server keeps its own people: none were chosen there.
    expect((await caller.publishedServers.get({ appId: (await caller.apps.list())[0]!.id })).access.people).toEqual([]);
  });

  it("choosing an access mode before the server was ever turned on says to turn it on", async () => {
    const { caller } = await createPublishedApp(h.endpoint, h.llm);
    await expect(caller.workspaceServer.setAccess({ mode: "api_key" })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/workspace MCP server on first/) });
  });
});

describe("the workspace server's call log", () => {
  it("lists its requests, filtered by app, and the app's own log marks the calls that came through it", async () => {
    const { caller, app, url: appUrl, workspaceUrl } = await workspaceServer();
    const other = await caller.apps.create({ type: "chat", name: "Other helper" });
    const provider = (await caller.modelProviders.list())[0]!;
    await caller.apps.updateDraft({ id: other.id, draft: { model: { providerId: provider.id, model: "scripted-model" } } as never });
    await caller.apps.publish({ id: other.id });

    const client = await h.connect(workspaceUrl);
    const names = (await client.listTools()).tools.map((t) => t.name).sort();
    expect(names).toHaveLength(2);
    h.llm.script([{ text: "Sunny." }, { text: "Hello." }]);
    await client.callTool({ name: "weather_helper", arguments: { query: "Weather?" } });
    await client.callTool({ name: names.find((n) => n !== "weather_helper")!, arguments: { query: "Hi" } });
    const direct = await h.connect(appUrl);
    h.llm.script([{ text: "Cloudy." }]);
    await direct.callTool({ name: "weather_helper", arguments: { query: "Direct?" } });
    await settleCallLogs();

    const all = (await caller.workspaceServer.listCalls({})).items;
    expect(all.every((row) => row.workspaceServer)).toBe(true);
    expect(all.filter((row) => row.method === "tools/call").map((row) => row.appId).sort()).toEqual([app.id, other.id].sort());
    // tools/list ran no app: the workspace server's row names none.
    expect(all.find((row) => row.method === "tools/list")?.appId).toBeNull();

    const ofApp = (await caller.workspaceServer.listCalls({ appId: app.id })).items;
    expect(ofApp.map((row) => [row.method, row.appId, row.toolArguments])).toEqual([["tools/call", app.id, { query: "Weather?" }]]);
    expect((await caller.workspaceServer.listCalls({ appId: other.id, method: "tools/list" })).items).toEqual([]);

    const appLog = (await caller.publishedServers.listCalls({ appId: app.id, method: "tools/call" })).items;
    expect(appLog.map((row) => [row.workspaceServer, row.toolArguments])).toEqual([
      [false, { query: "Direct?" }],
      [true, { query: "Weather?" }],
    ]);
  });

  it("pages newest first and lists no callers before anyone signed in; another workspace sees none of it", async () => {
    const { caller, workspaceUrl } = await workspaceServer();
    for (let i = 0; i < 3; i++) expect((await postPing(workspaceUrl)).status).toBe(200);
    await settleCallLogs();
    const first = await caller.workspaceServer.listCalls({ limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await caller.workspaceServer.listCalls({ limit: 2, cursor: first.nextCursor });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((row) => row.id)).size).toBe(3);
    expect(await caller.workspaceServer.listCallers()).toEqual({ people: [], clients: [] });

    const stranger = await createPublishedApp(h.endpoint, h.llm);
    expect((await stranger.caller.workspaceServer.listCalls({})).items).toEqual([]);
  });
});
