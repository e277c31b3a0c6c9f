// Who reaches a published server and when: the console's switch and settings, disabled / regenerated / unknown
// URLs, bearer keys, the per-server rate limit, and the call log's filters.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { addMember, callerAs, createOwner } from "../support/fixtures";
import { connectClient, createPublishedApp } from "../support/published-app";
import { startTestEndpoint } from "../support/published-endpoint";
import { useEndpointHarness } from "../support/endpoint-harness";

const h = useEndpointHarness();
const { connect } = h;

function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
    body: JSON.stringify(body),
  });
}

const ping = { jsonrpc: "2.0", id: 1, method: "ping" };

describe("turning the server on in the console", () => {
  it("the switch needs a published version, a valid tool name and descriptions the first time", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const app = await caller.apps.create({ type: "chat", name: "Café Bot (EU)" });
    const before = await caller.publishedServers.get({ appId: app.id });
    expect(before).toMatchObject({ hasPublishedVersion: false, configured: false, enabled: false, url: null, toolName: "cafe_bot_eu" });
    await expect(caller.publishedServers.enable({ appId: app.id, toolName: "cafe", toolDescription: "x" })).rejects.toThrow(/Publish the app first/);

    const provider = await caller.modelProviders.create({ kind: "openai_compatible", name: "P", baseUrl: "http://127.0.0.1:9/v1" });
    await caller.apps.updateDraft({
      id: app.id,
      draft: { model: { providerId: provider.id, model: "m" }, variables: [{ key: "city", label: "City", type: "text", description: "From the form" }] } as never,
    });
    await caller.apps.publish({ id: app.id });
    const published = await caller.publishedServers.get({ appId: app.id });
    expect(published.parameters).toEqual([{ key: "city", label: "City", type: "text", required: false, description: "From the form" }]);

    await expect(caller.publishedServers.enable({ appId: app.id })).rejects.toThrow(/tool a name and a description/);
    await expect(caller.publishedServers.enable({ appId: app.id, toolName: "café bot", toolDescription: "Coffee.", parameterDescriptions: { city: "c" } })).rejects.toThrow(/letters, digits/);
    await expect(caller.publishedServers.enable({ appId: app.id, toolName: "cafe", toolDescription: "  ", parameterDescriptions: { city: "c" } })).rejects.toThrow(/Describe what the tool does/);
    await expect(caller.publishedServers.enable({ appId: app.id, toolName: "cafe", toolDescription: "Coffee.", parameterDescriptions: {} })).rejects.toThrow(/missing: City/);

    const enabled = await caller.publishedServers.enable({ appId: app.id, toolName: "cafe", toolDescription: "Coffee.", parameterDescriptions: { city: "Where." } });
    expect(enabled.url).toMatch(/^http:\/\/localhost:3000\/mcp\/server\/[A-Za-z0-9_-]{32}\/mcp$/);
    expect(await caller.publishedServers.get({ appId: app.id })).toMatchObject({ enabled: true, url: enabled.url, toolName: "cafe", parameters: [expect.objectContaining({ description: "Where." })] });

    // Only the code's hash and its sealed form are stored.
    const code = enabled.url.split("/").at(-2)!;
    const dump = JSON.stringify(await (await getDb()).execute(sql`select * from published_servers`));
    expect(dump).not.toContain(code);
  });

  it("a member cannot see the server's URL or change it; an editor can", async () => {
    const { caller, app, workspace } = await createPublishedApp(h.endpoint, h.llm);
    const member = callerAs((await addMember(workspace.id, "member")).id, workspace.id);
    await expect(member.publishedServers.get({ appId: app.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(member.publishedServers.disable({ appId: app.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const editor = callerAs((await addMember(workspace.id, "editor")).id, workspace.id);
    expect((await editor.publishedServers.get({ appId: app.id })).url).toBe((await caller.publishedServers.get({ appId: app.id })).url);
  });
});

describe("disabled, regenerated and unknown URLs", () => {
  it("a disabled server answers HTTP 503 with a JSON-RPC error and nothing about the app; enabling it again serves the same URL", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const client = await connect(url);
    await caller.publishedServers.disable({ appId: app.id });

    // The SDK surfaces the status and the body's message, so a person sees why.
    await expect(client.listTools()).rejects.toMatchObject({ code: 503, message: expect.stringContaining("server is not active") });
    const response = await post(url, { jsonrpc: "2.0", id: 2, method: "tools/list" });
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toEqual({ jsonrpc: "2.0", id: 2, error: { code: -32600, message: expect.stringMatching(/^server is not active: its owner turned it off/) } });
    expect(JSON.stringify(body)).not.toContain(app.name);
    const notification = await post(url, { jsonrpc: "2.0", method: "notifications/initialized" });
    expect(notification.status).toBe(503);
    await expect(connectClient(url)).rejects.toMatchObject({ code: 503, message: expect.stringContaining("server is not active") });

    await caller.publishedServers.enable({ appId: app.id });
    expect((await client.listTools()).tools).toHaveLength(1);
  });

  it("after Regenerate the old URL is refused with 404 at once and the new one works", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const client = await connect(url);
    const { url: fresh } = await caller.publishedServers.regenerate({ appId: app.id });
    expect(h.endpoint.localUrl(fresh)).not.toBe(url);

    const old = await post(url, ping);
    expect(old.status).toBe(404);
    expect(await old.json()).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32001, message: expect.stringContaining("no MCP server at this URL") } });
    await expect(client.listTools()).rejects.toMatchObject({ code: 404, message: expect.stringContaining("no MCP server at this URL") });
    expect((await (await connect(h.endpoint.localUrl(fresh))).listTools()).tools).toHaveLength(1);
  });

  it.each([
    ["a well-formed code nobody has", "A".repeat(32)],
    ["a code of the wrong shape", "not-a-code"],
  ])("%s is 404", async (_, code) => {
    const response = await post(h.endpoint.urlForCode(code), ping);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe(-32001);
  });
});

describe("API keys", () => {
  it("in API-key mode calls need a key: 401 with WWW-Authenticate without it, and the key is shown only once", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    await caller.publishedServers.setAccess({ appId: app.id, mode: "api_key" });
    const created = await caller.publishedServers.createKey({ appId: app.id, name: "Claude" });
    expect(created.key).toMatch(/^sym_/);
    expect(await caller.publishedServers.listKeys({ appId: app.id })).toEqual([
      { id: created.id, name: "Claude", prefix: created.key.slice(0, 10), lastUsedAt: null, createdAt: expect.any(Date) },
    ]);
    const dump = JSON.stringify(await (await getDb()).execute(sql`select * from published_server_keys`));
    expect(dump).not.toContain(created.key);

    const without = await post(url, ping);
    expect(without.status).toBe(401);
    expect(without.headers.get("www-authenticate")).toBe('Bearer realm="mcp"');
    const wrong = await post(url, ping, { authorization: "Bearer sym_wrong" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toContain('error="invalid_token"');
    await expect(connectClient(url)).rejects.toMatchObject({ code: 401, message: expect.stringContaining("needs an API key") });

    const client = await connect(url, { headers: { authorization: `Bearer ${created.key}` } });
    expect((await client.listTools()).tools).toHaveLength(1);
    await expect.poll(async () => (await caller.publishedServers.listKeys({ appId: app.id }))[0]!.lastUsedAt).toBeInstanceOf(Date);

    // Revoked, the key stops; the server stays in "API key" mode and refuses everyone until a new key.
    await caller.publishedServers.revokeKey({ appId: app.id, id: created.id });
    expect((await post(url, ping, { authorization: `Bearer ${created.key}` })).status).toBe(401);
    expect((await post(url, ping)).status).toBe(401);
    await expect(caller.publishedServers.revokeKey({ appId: app.id, id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a key of one server does not open another", async () => {
    const a = await createPublishedApp(h.endpoint, h.llm);
    const b = await createPublishedApp(h.endpoint, h.llm);
    await a.caller.publishedServers.setAccess({ appId: a.app.id, mode: "api_key" });
    await b.caller.publishedServers.setAccess({ appId: b.app.id, mode: "api_key" });
    const keyA = await a.caller.publishedServers.createKey({ appId: a.app.id, name: "a" });
    await b.caller.publishedServers.createKey({ appId: b.app.id, name: "b" });
    expect((await post(b.url, ping, { authorization: `Bearer ${keyA.key}` })).status).toBe(401);
  });
});

describe("rate limit", () => {
  it("past the limit a server answers 429 with Retry-After, and other servers are not affected", async () => {
    const limited = await startTestEndpoint({ rateLimit: { limit: 3, windowSeconds: 60 } });
    try {
      const a = await createPublishedApp(limited, h.llm);
      const b = await createPublishedApp(limited, h.llm);
      for (let i = 0; i < 3; i++) expect((await post(a.url, ping)).status).toBe(200);
      const refused = await post(a.url, ping);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await refused.json()).error.message).toMatch(/Too many requests/);
      expect((await post(b.url, ping)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe("the call log", () => {
  it("lists calls newest first with filters for method, outcome and time, a page at a time", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const client = await connect(url);
    await client.listTools();
    h.llm.script([{ text: "ok" }]);
    await client.callTool({ name: "weather_helper", arguments: { query: "Hi" } });
    await client.callTool({ name: "weather_helper", arguments: { query: 42 } });
    await expect(client.callTool({ name: "nope", arguments: {} })).rejects.toThrow(/Unknown tool/);
    await settleCallLogs();

    const all = await caller.publishedServers.listCalls({ appId: app.id });
    expect(all.items.map((l) => `${l.method}:${l.outcome}`)).toEqual(["tools/call:error", "tools/call:error", "tools/call:ok", "tools/list:ok", "initialize:ok"]);
    const errors = await caller.publishedServers.listCalls({ appId: app.id, method: "tools/call", outcome: "error" });
    expect(errors.items.map((l) => l.error)).toEqual([expect.stringContaining("Unknown tool"), expect.stringContaining('"query" is required')]);
    expect((await caller.publishedServers.listCalls({ appId: app.id, from: new Date(Date.now() + 60_000) })).items).toEqual([]);
    expect((await caller.publishedServers.listCalls({ appId: app.id, to: new Date(Date.now() - 3_600_000) })).items).toEqual([]);

    const first = await caller.publishedServers.listCalls({ appId: app.id, limit: 2 });
    const second = await caller.publishedServers.listCalls({ appId: app.id, limit: 2, cursor: first.nextCursor });
    const third = await caller.publishedServers.listCalls({ appId: app.id, limit: 2, cursor: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items].map((l) => l.id)).toEqual(all.items.map((l) => l.id));
    expect(third.nextCursor).toBeNull();
  });
});
