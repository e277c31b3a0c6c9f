// The clients people connect with, against the workspace MCP server: the MCP Inspector's CLI and mcp-remote (the
// stdio proxy desktop hosts start) list the workspace's tools and call them. As published-server-inspector and
// published-server-mcp-remote do for an app's own server.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useEndpointHarness } from "../support/endpoint-harness";
import { startServerEverything } from "../support/server-everything";
import { createWorkspaceApps, orderSchema, workspaceCallLogs } from "../support/workspace-apps";

const run = promisify(execFile);
const inspectorBuild = path.resolve("node_modules/@modelcontextprotocol/inspector-cli/build");

const h = useEndpointHarness();
let everything: Awaited<ReturnType<typeof startServerEverything>>;
let configDir: string;
beforeAll(async () => {
  [everything, configDir] = await Promise.all([startServerEverything("streamableHttp"), mkdtemp(path.join(tmpdir(), "mcp-remote-"))]);
});
afterAll(async () => Promise.all([everything?.close(), rm(configDir, { recursive: true, force: true })]));

async function inspect(url: string, ...args: string[]) {
  // Run from its build folder: the CLI finds its package.json relative to the working directory (1.0.3).
  const { stdout } = await run(process.execPath, ["index.js", url, "--transport", "http", ...args], { cwd: inspectorBuild, timeout: 60_000 });
  return JSON.parse(stdout);
}

it("the inspector CLI lists the workspace's three tools and calls the chat app and the text generator", { timeout: 120_000 }, async () => {
  const ws = await createWorkspaceApps(h.endpoint, h.llm, { toolServerUrl: everything.url });
  const listed = await inspect(ws.url, "--method", "tools/list");
  expect(listed.tools.map((t: { name: string }) => t.name)).toEqual(["trip_planner", "echo_agent", "order_summary"]);
  expect(listed.tools[2]).toMatchObject({ title: "Order summary", inputSchema: { properties: { order: orderSchema }, required: ["order"] } });
  expect(listed.tools[1].annotations).toMatchObject({ readOnlyHint: false });

  h.llm.script([{ text: "A week in Lisbon." }]);
  const chat = await inspect(ws.url, "--method", "tools/call", "--tool-name", "trip_planner", "--tool-arg", "query=Plan.", "city=Lisbon");
  expect(chat.isError ?? false).toBe(false);
  expect(chat.structuredContent).toMatchObject({ answer: "A week in Lisbon.", conversation_id: expect.any(String) });
  expect(h.llm.requests[0]!.messages[0]).toEqual({ role: "system", content: "You plan trips to Lisbon." });

  // A JSON value on the command line arrives as the JSON input's object.
  h.llm.script([{ text: "Three figs." }]);
  const completion = await inspect(ws.url, "--method", "tools/call", "--tool-name", "order_summary", "--tool-arg", 'order={"item":"fig","quantity":3}');
  expect(completion.structuredContent).toEqual({ answer: "Three figs." });
  expect(JSON.stringify(h.llm.requests[1]!.messages)).toContain("fig");

  const calls = (await workspaceCallLogs(ws.workspaceId)).filter((row) => row.method === "tools/call");
  expect(calls.map((row) => [row.appId, row.workspaceServer, row.outcome])).toEqual([
    [ws.completion.id, true, "ok"],
    [ws.chat.id, true, "ok"],
  ]);
});

it("through mcp-remote a stdio client lists the workspace's tools and calls the agent, which calls server-everything", { timeout: 60_000 }, async () => {
  const ws = await createWorkspaceApps(h.endpoint, h.llm, { toolServerUrl: everything.url });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [path.resolve("node_modules/mcp-remote/dist/proxy.js"), ws.url, "--allow-http", "--transport", "http-first"],
    // Its OAuth state goes to a folder of its own, never the developer's ~/.mcp-auth.
    env: { ...(process.env as Record<string, string>), MCP_REMOTE_CONFIG_DIR: configDir },
    stderr: "pipe",
  });
  const client = new Client({ name: "desktop-host", version: "1.0.0" });
  try {
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["trip_planner", "echo_agent", "order_summary"]);

    h.llm.script([
      { toolCalls: [{ name: "everything__echo", arguments: { message: "via the proxy" } }] },
      (body) => ({ text: `Heard: ${JSON.stringify(body.messages.filter((m) => m.role === "tool").map((m) => m.content))}` }),
    ]);
    const result = await client.callTool({ name: "echo_agent", arguments: { query: "Echo." } });
    expect((result.structuredContent as { answer: string }).answer).toMatch(/^Heard: .*Echo: via the proxy/);
    expect(JSON.parse((result.content as Array<{ text: string }>)[0]!.text)).toEqual(result.structuredContent);
  } finally {
    await client.close();
  }
  const [call] = (await workspaceCallLogs(ws.workspaceId)).filter((row) => row.method === "tools/call");
  expect(call).toMatchObject({ appId: ws.agent.id, workspaceServer: true, outcome: "ok" });
});
