// The MCP tool node against real servers stored under Tools: the reference server-everything (typed arguments,
// structured results) and the test server (a tool that asks first, a tool that reports an error, a server that
// drops the call). Per-person servers need the person's own connection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMcpTool } from "@/server/workflows/nodes/mcp-tool";
import { NodeError } from "@/server/workflows/nodes/node-executor";
import { callerAs, createOwner } from "../support/fixtures";
import { nodeContext, nodeOf, storedMcpServer } from "../support/node-context";
import { startServerEverything } from "../support/server-everything";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";

let everything: Awaited<ReturnType<typeof startServerEverything>>;
let mcp: TestMcpServer;
let dying: TestMcpServer;
let workspaceId: string;
let userId: string;
let caller: ReturnType<typeof callerAs>;
const ids = { everything: "", tools: "", dying: "" };
beforeAll(async () => {
  [everything, mcp, dying] = await Promise.all([startServerEverything("streamableHttp"), startTestMcpServer(), startTestMcpServer({ dieOnTool: "echo" })]);
  const { user, workspace } = await createOwner("mcp-tool-node");
  workspaceId = workspace.id;
  userId = user.id;
  caller = callerAs(user.id, workspace.id);
  ids.everything = (await storedMcpServer(caller, { name: "Everything", identifier: "everything", url: everything.url })).id;
  ids.tools = (await storedMcpServer(caller, { name: "Test tools", identifier: "tools", url: mcp.url })).id;
  ids.dying = (await storedMcpServer(caller, { name: "Flaky", identifier: "flaky", url: dying.url })).id;
});
afterAll(async () => {
  await Promise.all([everything?.close(), mcp?.close(), dying?.close()]);
});

const toolNode = (data: Record<string, unknown>) => nodeOf("mcp-tool", data);
const run = (data: Record<string, unknown>, outputs: Record<string, Record<string, unknown>> = {}) =>
  runMcpTool(toolNode(data), nodeContext({ workspaceId, userId, outputs }));

describe("MCP tool node", () => {
  it("passes arguments from earlier outputs with their types and outputs the tool's text", async () => {
    const result = await run({ serverId: ids.everything, tool: "get-sum", arguments: { a: "{{start.a}}", b: "{{code_1.b}}" } }, { start: { a: 2 }, code_1: { b: 40 } });
    expect(result.inputs).toEqual({ server: "Everything", tool: "get-sum", arguments: { a: 2, b: 40 } });
    expect(result.outputs).toMatchObject({ isError: false, structured: {} });
    expect(result.outputs.text).toMatch(/\b42\b/);
  });

  it("text around a reference makes a string; a structured result is output as an object", async () => {
    const echo = await run({ serverId: ids.everything, tool: "echo", arguments: { message: "Hello {{start.name}}" } }, { start: { name: "Ada" } });
    expect(echo.outputs.text).toContain("Hello Ada");
    const weather = await run({ serverId: ids.everything, tool: "get-structured-content", arguments: { location: "{{start.city}}" } }, { start: { city: "Chicago" } });
    expect(weather.outputs.structured).toMatchObject({ temperature: expect.any(Number), conditions: expect.any(String) });
  });

  it("a result the tool marks as an error is an output the workflow can branch on, not a failure", async () => {
    const result = await run({ serverId: ids.tools, tool: "fail" });
    expect(result.outputs).toEqual({ text: "The weather service is unavailable (upstream returned 503).", structured: {}, isError: true });
  });

  it("a tool that asks first is refused unless the node runs it without asking", async () => {
    const failure = (await run({ serverId: ids.tools, tool: "save_note", arguments: { text: "not yet" } }).catch((e: unknown) => e)) as Error;
    expect(failure).toBeInstanceOf(NodeError);
    expect(failure.message).toMatch(/^Save note asks a person before each call, and a workflow run has nobody to ask\. If you trust this tool, set the node to run without asking\.$/);
    await expect(run({ serverId: ids.tools, tool: "save_note", approval: "ask", arguments: { text: "not yet" } })).rejects.toThrow(/nobody to ask/);
    expect(mcp.notes).not.toContain("not yet");

    const result = await run({ serverId: ids.tools, tool: "save_note", approval: "auto", arguments: { text: "trusted" } });
    expect(result.outputs).toMatchObject({ text: "Saved: trusted", isError: false });
    expect(mcp.notes).toContain("trusted");
  });

  it("a server that drops the call fails the node with what happened", async () => {
    const failure = await run({ serverId: ids.dying, tool: "echo", arguments: { text: "boom" } }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NodeError);
    expect((failure as Error).message).toBe("Flaky closed the connection before echo answered. Check that the server is up, and run again.");
  });

  it("a removed server or a tool missing from the stored list fails before anything is called", async () => {
    await expect(run({ serverId: "gone", tool: "echo" })).rejects.toThrow("This node's MCP server was removed. Choose another server under Tools.");
    await expect(run({ serverId: ids.tools, tool: "nope" })).rejects.toThrow(/^Test tools has no tool "nope" in its list\. Update its tools under Tools -> MCP/);
    await expect(run({ serverId: "", tool: "" })).rejects.toThrow(/Choose a server/);
    // Arguments the tool's schema refuses come back as the tool's own error result: an output, like any other.
    const wrong = await run({ serverId: ids.everything, tool: "get-sum", arguments: { a: "one" } });
    expect(wrong.outputs).toMatchObject({ isError: true, text: expect.stringMatching(/validation/i) });
  });

  it("a per-person server needs the person's own connection: the node says to connect it under Tools", async () => {
    const personal = await caller.mcpServers.create({ name: "Mail", identifier: "mail", url: mcp.url, credentialScope: "per_person" });
    const node = toolNode({ serverId: personal.id, tool: "echo", arguments: { text: "hi" } });
    const before = mcp.methods.length;
    await expect(runMcpTool(node, nodeContext({ workspaceId, userId }))).rejects.toThrow(
      "Mail connects each person to their own account, and yours is not connected. Connect it under Tools -> MCP, then run the workflow again.",
    );
    await expect(runMcpTool(node, nodeContext({ workspaceId, userId: null }))).rejects.toThrow(/this run is not made by a signed-in person/);
    expect(mcp.methods.length).toBe(before);
  });

  it("stopping the run cancels the tool call on the server, and the stop is not reported as the node's failure", async () => {
    const stop = new AbortController();
    const running = runMcpTool(toolNode({ serverId: ids.tools, tool: "slow", arguments: { ms: "{{start.ms}}" } }), nodeContext({ workspaceId, userId, outputs: { start: { ms: 10_000 } }, signal: stop.signal }));
    setTimeout(() => stop.abort(), 300);
    expect(await running.catch((e: unknown) => e)).not.toBeInstanceOf(NodeError);
    await expect.poll(() => mcp.cancelled).toContain("slow");
  });
});
