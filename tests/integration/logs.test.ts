// Logs as an owner reads them: refused clients in the MCP calls log (without flooding it), and conversations with
// their caller, size and cost, searched and filtered on the server.
import { describe, expect, it } from "vitest";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { scriptedUsage } from "../support/scripted-llm";
import { createPublishedApp } from "../support/published-app";
import { useEndpointHarness } from "../support/endpoint-harness";
import { postPing as post } from "../support/post-message";

const h = useEndpointHarness();


describe("refused clients in the MCP calls log", () => {
  it("a request without a key or with a wrong one is logged as refused, once per client a minute", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    await caller.publishedServers.setAccess({ appId: app.id, mode: "api_key" });
    await caller.publishedServers.createKey({ appId: app.id, name: "Cursor" });
    for (let i = 0; i < 5; i++) expect((await post(url, { "user-agent": "curl/8.0" })).status).toBe(401);
    expect((await post(url, { "user-agent": "Cursor/1.0", authorization: "Bearer sym_not_a_key" })).status).toBe(401);
    expect((await post(url, { "user-agent": "Cursor/1.0", authorization: "Bearer sym_not_a_key" })).status).toBe(401);
    await settleCallLogs();

    const refused = await caller.publishedServers.listCalls({ appId: app.id, outcome: "refused" });
    expect(refused.items).toHaveLength(2);
    expect(refused.items.map((l) => [l.clientName, l.error])).toEqual(
      expect.arrayContaining([
        ["curl/8.0", expect.stringContaining("no API key was sent")],
        ["Cursor/1.0", expect.stringContaining("not one of this server's keys")],
      ]),
    );
    expect(JSON.stringify(refused)).not.toContain("sym_not_a_key");
  });
});

describe("the conversations list", () => {
  it("names the MCP client that called, counts messages and tokens, and searches and filters on the server", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const client = await h.connect(url, { name: "Claude Desktop" });
    h.llm.script([{ text: "Sunny in Lisbon." }, { text: "Rain in Porto." }]);
    await client.callTool({ name: "weather_helper", arguments: { query: "Weather in Lisbon?" } });
    await client.callTool({ name: "weather_helper", arguments: { query: "And Porto?" } });
    await settleCallLogs();

    const all = await caller.conversations.list({ appId: app.id });
    expect(all.items).toHaveLength(2);
    expect(all.items[0]).toMatchObject({
      source: "mcp",
      clientName: "Claude Desktop",
      messageCount: 2,
      tokens: scriptedUsage.prompt_tokens + scriptedUsage.completion_tokens,
    });
    expect(all.items[0]!.durationMs).toBeGreaterThanOrEqual(0);

    const porto = await caller.conversations.list({ appId: app.id, search: "porto" });
    expect(porto.items.map((c) => c.title)).toEqual(["And Porto?"]);
    // The answer's text is searched too, and LIKE's wildcards are taken literally.
    expect((await caller.conversations.list({ appId: app.id, search: "Sunny" })).items).toHaveLength(1);
    expect((await caller.conversations.list({ appId: app.id, search: "%" })).items).toHaveLength(0);
    // A conversation matched by its title and by several messages is listed once; a search pages by cursor; two
    // characters (too short for the trigram index) still match.
    const both = await caller.conversations.list({ appId: app.id, search: "in" });
    expect(both.items.map((c) => c.id)).toEqual(all.items.map((c) => c.id));
    const firstFound = await caller.conversations.list({ appId: app.id, search: "in", limit: 1 });
    const nextFound = await caller.conversations.list({ appId: app.id, search: "in", limit: 1, cursor: firstFound.nextCursor });
    expect([...firstFound.items, ...nextFound.items].map((c) => c.id)).toEqual(all.items.map((c) => c.id));
    expect(nextFound.nextCursor).toBeNull();
    expect((await caller.conversations.list({ appId: app.id, source: "debug" })).items).toHaveLength(0);
    expect((await caller.conversations.list({ appId: app.id, source: "mcp" })).items).toHaveLength(2);
    expect((await caller.conversations.list({ appId: app.id, from: new Date(Date.now() + 60_000) })).items).toHaveLength(0);
    expect((await caller.conversations.list({ appId: app.id, to: new Date(Date.now() - 3_600_000) })).items).toHaveLength(0);
    const first = await caller.conversations.list({ appId: app.id, source: "mcp", limit: 1 });
    const second = await caller.conversations.list({ appId: app.id, source: "mcp", limit: 1, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((c) => c.id)).toEqual(all.items.map((c) => c.id));

    const detail = await caller.conversations.get({ appId: app.id, id: porto.items[0]!.id });
    expect(detail.inputFields).toEqual([]);
  });
});
