// notifications/tools/list_changed from the workspace server (server/mcp/server/list-changed.ts): a stateless
// endpoint has no GET stream, so a 2025 client hears of a changed tool set on the SSE stream of its next call that
// asked for progress, once, and only after it listed the tools.
import { describe, expect, it } from "vitest";
import { useEndpointHarness } from "../support/endpoint-harness";
import { createPublishedApp } from "../support/published-app";

const h = useEndpointHarness();

const headers = { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-06-18" };

async function post(url: string, sessionId: string | null, body: unknown) {
  const response = await fetch(url, { method: "POST", headers: { ...headers, ...(sessionId ? { "mcp-session-id": sessionId } : {}) }, body: JSON.stringify(body) });
  return { response, text: await response.text() };
}

/** A workspace with one published app and its workspace server on; the app switched on (included by default). */
async function workspaceServer() {
  const published = await createPublishedApp(h.endpoint, h.llm, { name: "First app" });
  const second = await published.caller.apps.create({ type: "chat", name: "Second app" });
  await published.caller.apps.updateDraft({ id: second.id, draft: { model: { providerId: published.provider.id, model: "scripted-model" } } as never });
  await published.caller.apps.publish({ id: second.id });
  const { url } = await published.caller.workspaceServer.enable();
  return { ...published, second, url: h.endpoint.localUrl(url) };
}

const call = (id: number) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "weather_helper", arguments: { query: "Hi" }, _meta: { progressToken: `p${id}` } } });
const listChanged = (text: string) => text.includes('"method":"notifications/tools/list_changed"');

describe("the workspace server's list_changed", () => {
  it("declares listChanged, and tells a client that listed the tools, once, on its next streamed call", async () => {
    const { caller, second, url } = await workspaceServer();
    const init = await post(url, null, { jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "lc", version: "1" } } });
    expect(init.text).toContain('"listChanged":true');
    const session = init.response.headers.get("mcp-session-id");
    expect(session).toBeTruthy();

    h.llm.script([{ text: "One." }, { text: "Two." }, { text: "Three." }]);
    // Nothing changed since it listed: no notification.
    const listed = await post(url, session, { jsonrpc: "2.0", id: 1, method: "tools/list" });
    expect(listed.text).toContain('"name":"second_app"');
    expect(listChanged((await post(url, session, call(2))).text)).toBe(false);

    await caller.workspaceServer.setIncluded({ appId: second.id, included: false });
    const first = await post(url, session, call(3));
    expect(first.response.headers.get("content-type")).toContain("text/event-stream");
    expect(listChanged(first.text)).toBe(true);
    // The notification comes before the call's result on the stream.
    expect(first.text.indexOf("notifications/tools/list_changed")).toBeLessThan(first.text.indexOf('"result"'));
    // Told once: the next call carries no second notification.
    expect(listChanged((await post(url, session, call(4))).text)).toBe(false);
  });

  it("says nothing to a client that never listed the tools, and an app server never declares listChanged", async () => {
    const { caller, second, url } = await workspaceServer();
    h.llm.script([{ text: "One." }]);
    await caller.workspaceServer.setIncluded({ appId: second.id, included: false });
    expect(listChanged((await post(url, null, call(1))).text)).toBe(false);

    const { url: appUrl } = await createPublishedApp(h.endpoint, h.llm);
    const init = await post(appUrl, null, { jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "lc", version: "1" } } });
    expect(init.text).toContain('"listChanged":false');
  });
});
