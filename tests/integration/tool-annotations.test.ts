// Tool annotations the owner sets per app (publishedServers.setAnnotations): each hint derived unless chosen, what
// publishedServers.get shows, and what the app's server and the workspace server list at their next request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useEndpointHarness } from "../support/endpoint-harness";
import { createPublishedApp } from "../support/published-app";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";

const h = useEndpointHarness();
let tools: TestMcpServer;
beforeAll(async () => {
  tools = await startTestMcpServer();
});
afterAll(() => tools.close());

const automatic = { readOnlyHint: null, destructiveHint: null, idempotentHint: null, openWorldHint: null };
const listed = async (client: Awaited<ReturnType<typeof h.connect>>) => (await client.listTools()).tools[0]!.annotations;

describe("tool annotations set by the owner", () => {
  it("a chat app is derived read-only; an override shows in tools/list at the next request, and a reset derives again", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const before = await caller.publishedServers.get({ appId: app.id });
    expect(before.annotations.readOnlyHint).toEqual({ effective: true, derived: true, why: expect.stringContaining("only asks its model"), chosen: null });
    const client = await h.connect(url);
    expect(await listed(client)).toMatchObject({ readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: false });

    const set = await caller.publishedServers.setAnnotations({ appId: app.id, hints: { ...automatic, readOnlyHint: false, idempotentHint: true } });
    expect(set.readOnlyHint).toMatchObject({ effective: false, derived: true, chosen: false });
    expect(set.idempotentHint).toMatchObject({ effective: true, derived: false, chosen: true });
    // The same session: the change is served at the next request, not at the next connection.
    expect(await listed(client)).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false });
    expect((await caller.publishedServers.get({ appId: app.id })).annotations.idempotentHint.chosen).toBe(true);

    await caller.publishedServers.setAnnotations({ appId: app.id, hints: automatic });
    expect(await listed(client)).toMatchObject({ readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: false });
    expect(Object.values((await caller.publishedServers.get({ appId: app.id })).annotations).map((hint) => hint.chosen)).toEqual([null, null, null, null]);
  });

  it("an agent whose bound tool is not read-only is derived not read-only, destructive and open-world, and says which tool", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm, { type: "agent", toolServerUrl: tools.url });
    const { annotations } = await caller.publishedServers.get({ appId: app.id });
    expect(annotations.readOnlyHint).toMatchObject({ effective: false, derived: false, chosen: null });
    expect(annotations.readOnlyHint.why).toBe('"Save note" may change things.');
    expect(annotations.destructiveHint).toMatchObject({ effective: true, derived: true });
    expect(annotations.openWorldHint).toMatchObject({ effective: true, derived: true });
    expect(await listed(await h.connect(url))).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true });
  });

  it("a read-only override makes the tool not destructive, on the app's server and the workspace server alike", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm, { type: "agent", toolServerUrl: tools.url });
    const workspaceServer = await caller.workspaceServer.enable();
    await caller.workspaceServer.setIncluded({ appId: app.id, included: true });
    const [own, shared] = await Promise.all([h.connect(url), h.connect(h.endpoint.localUrl(workspaceServer.url))]);
    expect(await listed(shared)).toMatchObject({ readOnlyHint: false, destructiveHint: true });

    const set = await caller.publishedServers.setAnnotations({ appId: app.id, hints: { ...automatic, readOnlyHint: true } });
    expect(set.destructiveHint).toMatchObject({ effective: false, derived: true, chosen: null });
    for (const client of [own, shared]) expect(await listed(client)).toMatchObject({ readOnlyHint: true, destructiveHint: false, openWorldHint: true });
  });

  it("a hint that is not one of the four is refused, and another workspace's app is not found", async () => {
    const { caller, app } = await createPublishedApp(h.endpoint, h.llm);
    await expect(caller.publishedServers.setAnnotations({ appId: app.id, hints: { ...automatic, title: "x" } as never })).rejects.toThrow();
    const other = await createPublishedApp(h.endpoint, h.llm);
    await expect(other.caller.publishedServers.setAnnotations({ appId: app.id, hints: { ...automatic, readOnlyHint: false } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await caller.publishedServers.get({ appId: app.id })).annotations.readOnlyHint.chosen).toBeNull();
  });
});
