// mcp-remote (the stdio proxy many desktop hosts use to reach a remote server) in front of a published app: the
// SDK v1 client speaks stdio to it, it speaks Streamable HTTP (2025 era) to us. Also what its users see when the
// URL was regenerated: a 404 "not found", never "SSE error 405".
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, expect, it } from "vitest";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";

let endpoint: TestEndpoint;
let llm: ScriptedLlm;
let configDir: string;

beforeAll(async () => {
  [endpoint, llm, configDir] = await Promise.all([startTestEndpoint(), startScriptedLlm(), mkdtemp(path.join(tmpdir(), "mcp-remote-"))]);
});
afterAll(async () => {
  await settleCallLogs();
  await Promise.all([endpoint.close(), llm.close(), rm(configDir, { recursive: true, force: true })]);
});

function proxyTo(url: string) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [path.resolve("node_modules/mcp-remote/dist/proxy.js"), url, "--allow-http", "--transport", "http-first"],
    // Its OAuth state goes to a folder of its own, never the developer's ~/.mcp-auth.
    env: { ...(process.env as Record<string, string>), MCP_REMOTE_CONFIG_DIR: configDir },
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return { transport, stderr: () => stderr };
}

it("through mcp-remote a stdio client lists the published tool and calls it", { timeout: 60_000 }, async () => {
  const { url } = await createPublishedApp(endpoint, llm);
  const { transport } = proxyTo(url);
  const client = new Client({ name: "desktop-host", version: "1.0.0" });
  try {
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["weather_helper"]);
    llm.script([{ text: "Through the proxy." }]);
    const result = await client.callTool({ name: "weather_helper", arguments: { query: "Hi" } });
    expect(result.structuredContent).toMatchObject({ answer: "Through the proxy." });
    expect(JSON.parse((result.content as Array<{ text: string }>)[0]!.text)).toEqual(result.structuredContent);
  } finally {
    await client.close();
  }
});

it("a regenerated (unknown) URL fails with not found, not with an SSE 405", { timeout: 60_000 }, async () => {
  const { url } = await createPublishedApp(endpoint, llm);
  const gone = url.replace(/\/server\/[^/]+\//, `/server/${"B".repeat(43)}/`);
  const { transport, stderr } = proxyTo(gone);
  const client = new Client({ name: "desktop-host", version: "1.0.0" });
  await expect(client.connect(transport)).rejects.toThrow();
  await client.close().catch(() => {});
  expect(stderr()).toMatch(/404/);
  expect(stderr()).not.toMatch(/405/);
});

// mcp-remote 0.15.1 reads every 401 as an OAuth challenge and tries to sign in; it never prints the 401's body. What
// the endpoint can do: answer its GET probe with the same 401 (not 405, which sent it to "SSE error 405"), and say
// 404 at once where it looks for protected resource metadata. The message naming the header is in every 401 body.
it("a key-locked server: mcp-remote fails on the missing key (401), never with an SSE 405", { timeout: 60_000 }, async () => {
  const { url, caller, app } = await createPublishedApp(endpoint, llm);
  await caller.publishedServers.setAccess({ appId: app.id, mode: "api_key" });
  await caller.publishedServers.createKey({ appId: app.id, name: "desktop" });
  const probe = await fetch(url, { headers: { accept: "text/event-stream" } });
  expect(probe.status).toBe(401);
  expect(probe.headers.get("www-authenticate")).toBe('Bearer realm="mcp"');
  expect((await probe.json()).error.message).toBe("Unauthorized: this server needs an API key (Authorization: Bearer <key>).");
  const metadata = await fetch(new URL(`/.well-known/oauth-protected-resource${new URL(url).pathname}`, url));
  expect(metadata.status).toBe(404);

  const { transport, stderr } = proxyTo(url);
  const client = new Client({ name: "desktop-host", version: "1.0.0" });
  await expect(client.connect(transport)).rejects.toThrow();
  await client.close().catch(() => {});
  expect(stderr()).not.toMatch(/\b405\b|SSE error/);
  // It went looking for a way to sign in (found none: no sign-in on this server) instead of calling the tool.
  expect(stderr()).toMatch(/Connection error/);
});
