// Tools -> MCP against real servers: the MCP project's server-everything (Streamable HTTP and legacy SSE) and the
// SDK test server for headers and failures.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { startServerEverything } from "../support/server-everything";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";
import { callerAs, createOwner } from "../support/fixtures";

let everything: Awaited<ReturnType<typeof startServerEverything>>;
let everythingSse: Awaited<ReturnType<typeof startServerEverything>>;
let guarded: TestMcpServer;
const secretHeader = "hdr-secret-value-4711";

beforeAll(async () => {
  [everything, everythingSse, guarded] = await Promise.all([
    startServerEverything("streamableHttp"),
    startServerEverything("sse"),
    startTestMcpServer({ requiredHeaders: { "x-api-key": secretHeader } }),
  ]);
});
afterAll(async () => {
  await Promise.all([everything?.close(), everythingSse?.close(), guarded?.close()]);
});

async function owner() {
  const { user, workspace } = await createOwner();
  return callerAs(user.id, workspace.id);
}

describe("connecting external MCP servers", () => {
  it("tests a Streamable HTTP server step by step, then lists, saves and calls its tools", async () => {
    const caller = await owner();
    const server = await caller.mcpServers.create({ name: "Everything", identifier: "everything", url: everything.url });
    expect(server.status).toBe("unknown");

    const outcome = await caller.mcpServers.testConnection({ id: server.id, connection: { url: everything.url }, name: "Everything" });
    expect(outcome.ok).toBe(true);
    expect(outcome.steps.map((s) => s.step)).toEqual(["address", "transport", "initialize", "tools"]);
    expect(outcome.steps.find((s) => s.step === "transport")?.detail).toMatch(/^2025-\d\d-\d\d Streamable HTTP, session/);
    expect(outcome.steps.find((s) => s.step === "initialize")?.detail).toMatch(/protocol 20\d\d-\d\d-\d\d/);
    expect(outcome.steps.every((s) => s.ms >= 0)).toBe(true);

    const preview = await caller.mcpServers.previewTools({ id: server.id });

    if (preview.status !== "ok") throw new Error(preview.message);
    expect(preview.diff.added).toEqual(expect.arrayContaining(["echo", "get-sum", "get-tiny-image"]));
    expect(preview.diff.removed).toEqual([]);
    const saved = await caller.mcpServers.applyTools({ id: server.id, token: preview.token });
    expect(saved.tools.length).toBe(preview.tools.length);
    expect(saved.status).toBe("connected");
    await expect(caller.mcpServers.applyTools({ id: server.id, token: preview.token })).rejects.toThrow(/expired/);

    const echo = await caller.mcpServers.callTool({ id: server.id, name: "echo", arguments: { message: "hello there" } });
    expect(JSON.stringify(echo.result.content)).toContain("hello there");
    const image = await caller.mcpServers.callTool({ id: server.id, name: "get-tiny-image", arguments: {} });
    expect(image.result.content.some((c) => c.type === "image")).toBe(true);
    const structured = await caller.mcpServers.callTool({ id: server.id, name: "get-structured-content", arguments: { location: "New York" } });
    expect(structured.result.structuredContent).toBeTruthy();
  });

  it("falls back to legacy HTTP+SSE when the initialize POST is refused", async () => {
    const caller = await owner();
    const outcome = await caller.mcpServers.testConnection({ connection: { url: everythingSse.url, transport: "auto" } });
    expect(outcome.ok).toBe(true);
    expect(outcome.steps.find((s) => s.step === "transport")?.detail).toMatch(/HTTP\+SSE \(deprecated\)/);
    expect(outcome.tools.map((t) => t.name)).toContain("echo");
  });

  it("sends custom headers on every request, stores them sealed and shows them masked", async () => {
    const caller = await owner();
    const server = await caller.mcpServers.create({
      name: "Guarded",
      identifier: "guarded",
      url: guarded.url,
      headers: [{ name: "X-Api-Key", value: secretHeader }],
    });
    expect(server.headers).toEqual([{ name: "X-Api-Key", value: "••••4711" }]);
    expect(JSON.stringify(await caller.mcpServers.list())).not.toContain(secretHeader);
    const dump = JSON.stringify(await (await getDb()).execute(sql`select * from mcp_servers`));
    expect(dump).not.toContain(secretHeader);

    const preview = await caller.mcpServers.previewTools({ id: server.id });

    if (preview.status !== "ok") throw new Error(preview.message);
    expect(preview.tools.map((t) => t.name)).toContain("echo");

    // An edit that sends the masked value back keeps the stored one: the server still lets us in.
    await caller.mcpServers.update({ id: server.id, name: "Guarded 2", identifier: "guarded", url: guarded.url, headers: server.headers });
    const again = await caller.mcpServers.testConnection({ id: server.id, connection: { url: guarded.url, headers: server.headers } });
    expect(again.ok).toBe(true);

    // A wrong value is refused by the server, and the reason says so without echoing the value.
    const wrong = await caller.mcpServers.testConnection({ connection: { url: guarded.url, headers: [{ name: "X-Api-Key", value: "nope-nope" }] } });
    expect(wrong.ok).toBe(false);
    expect(JSON.stringify(wrong)).not.toContain("nope-nope");
  });

  it("refuses a duplicate identifier and a non-http URL with clear messages", async () => {
    const caller = await owner();
    await caller.mcpServers.create({ name: "One", identifier: "same", url: guarded.url });
    await expect(caller.mcpServers.create({ name: "Two", identifier: "same", url: guarded.url })).rejects.toThrow(/already uses the identifier/);
    await expect(caller.mcpServers.create({ name: "Bad", identifier: "bad", url: "ftp://example.com/mcp" })).rejects.toThrow(/http or https/);
    await expect(caller.mcpServers.create({ name: "Bad", identifier: "Bad Id!", url: guarded.url })).rejects.toThrow(/lowercase/);
  });

  it("refuses headers that would not reach the server, and saves nothing", async () => {
    const caller = await owner();
    const attempt = (headers: { name: string; value: string }[]) => caller.mcpServers.create({ name: "Headers", identifier: "headers", url: guarded.url, headers });
    await expect(attempt([{ name: "X Key", value: "v" }])).rejects.toThrow(/letters, digits and -/);
    await expect(attempt([{ name: "X-Key", value: "a\r\nX-Other: b" }])).rejects.toThrow(/line breaks/);
    await expect(attempt([{ name: "Mcp-Session-Id", value: "v" }])).rejects.toThrow(/set by the MCP client/);
    await expect(attempt([{ name: "x-key", value: "a" }, { name: "X-Key", value: "b" }])).rejects.toThrow(/appear once/);
    await expect(attempt([{ name: "__proto__", value: "v" }])).rejects.toThrow(/cannot be sent/);
    await expect(caller.mcpServers.testConnection({ connection: { url: guarded.url, headers: [{ name: "__proto__", value: "v" }] } })).rejects.toThrow(/cannot be sent/);
    expect(await caller.mcpServers.list()).toEqual([]);
  });

  it("renaming a server's identifier keeps the apps that use it, and removal lists them first", async () => {
    const caller = await owner();
    const server = await caller.mcpServers.create({ name: "Tools", identifier: "tools", url: guarded.url });
    const app = await caller.apps.create({ type: "agent", name: "Agent" });
    await caller.apps.updateDraft({ id: app.id, draft: { tools: [{ serverId: server.id, mode: "all" }] } });
    expect(await caller.mcpServers.usage({ id: server.id })).toEqual([{ id: app.id, name: "Agent" }]);
    await caller.mcpServers.update({ id: server.id, name: "Tools", identifier: "renamed", url: guarded.url });
    expect(await caller.mcpServers.usage({ id: server.id })).toEqual([{ id: app.id, name: "Agent" }]);
    await caller.mcpServers.delete({ id: server.id });
    await expect(caller.mcpServers.get({ id: server.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a server that is down gets status error with the reason", async () => {
    const caller = await owner();
    const server = await caller.mcpServers.create({ name: "Gone", identifier: "gone", url: `http://127.0.0.1:${await closedPort()}/mcp`, connectTimeoutMs: 2000 });
    await expect(caller.mcpServers.previewTools({ id: server.id })).rejects.toThrow(/Could not connect|refused/);
    const after = await caller.mcpServers.get({ id: server.id });
    expect(after.status).toBe("error");
    expect(after.statusReason).toMatch(/refused/);
  });
});

/** A port nothing listens on: bind one, then let it go. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
