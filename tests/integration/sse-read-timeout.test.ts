// A server's "SSE read" timeout, applied: a real server on 127.0.0.1 opens the stream an answer is due on and then
// stops sending. The call fails after the read timeout (well before the call timeout) with an error that says so,
// over Streamable HTTP (the call's own response stream) and legacy HTTP+SSE (the GET stream every answer comes on).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAppTools } from "@/server/mcp/servers/open-app-tools";
import { callerAs, createOwner } from "../support/fixtures";
import { startHostileMcpServer } from "../support/hostile-mcp-server";
import { startSseMcpServer, type SseMcpServer } from "../support/sse-mcp-server";

let hostile: Awaited<ReturnType<typeof startHostileMcpServer>>;
let sse: SseMcpServer;
beforeAll(async () => {
  [hostile, sse] = await Promise.all([startHostileMcpServer(), startSseMcpServer()]);
});
afterAll(async () => Promise.all([hostile?.close(), sse?.close()]));

/** The server stored as the console would, and the tools a run of an agent bound to it gets. */
async function toolsOf(url: string, settings: { transport?: "auto" | "sse"; sseReadTimeoutMs: number; callTimeoutMs: number }) {
  const { user, workspace } = await createOwner("sse-read");
  const caller = callerAs(user.id, workspace.id);
  const server = await caller.mcpServers.create({ name: "Quiet", identifier: "quiet", url, ...settings });
  const preview = await caller.mcpServers.previewTools({ id: server.id });
  if (preview.status !== "ok") throw new Error(preview.message);
  await caller.mcpServers.applyTools({ id: server.id, token: preview.token });
  return openAppTools({ workspaceId: workspace.id, bindings: [{ serverId: server.id, mode: "all", tools: [] }], signal: new AbortController().signal, userId: null });
}

async function timedCall(tools: Awaited<ReturnType<typeof toolsOf>>, name: string, args: object = {}) {
  const tool = tools.tools.find((t) => t.name === name)!;
  const started = Date.now();
  const outcome = await tool.execute(args, { signal: new AbortController().signal }).then(
    (result) => ({ result, error: undefined }),
    (error: Error) => ({ result: undefined, error }),
  );
  return { ...outcome, ms: Date.now() - started };
}

describe("the SSE read timeout", () => {
  it("a Streamable HTTP answer stream that goes silent fails the call after the read timeout, saying so", async () => {
    const tools = await toolsOf(hostile.url("stall"), { sseReadTimeoutMs: 1_000, callTimeoutMs: 20_000 });
    try {
      const { error, ms } = await timedCall(tools, "quiet__lookup");
      expect(error?.message).toMatch(/^127\.0\.0\.1:\d+ sent nothing for 1 s while an answer was due \(its SSE read timeout\), so the request was stopped\.$/);
      expect(ms).toBeGreaterThanOrEqual(900);
      expect(ms).toBeLessThan(5_000);
    } finally {
      await tools.close();
    }
  });

  it("a legacy HTTP+SSE stream that goes silent while a call waits fails the call the same way", async () => {
    const tools = await toolsOf(sse.url, { transport: "sse", sseReadTimeoutMs: 1_000, callTimeoutMs: 20_000 });
    try {
      // The stream stays quiet between calls: only silence while an answer is due counts.
      expect((await timedCall(tools, "quiet__echo", { text: "hi" })).result).toMatchObject({ isError: false, content: [{ type: "text", text: "hi" }] });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await timedCall(tools, "quiet__echo", { text: "hi" })).result).toMatchObject({ isError: false, content: [{ type: "text", text: "hi" }] });
      const { error, ms } = await timedCall(tools, "quiet__stall");
      expect(error?.message).toMatch(/sent nothing for 1 s while an answer was due \(its SSE read timeout\)/);
      expect(ms).toBeLessThan(5_000);
    } finally {
      await tools.close();
    }
  });

  it("a stream that keeps sending keep-alives is not timed out by it: the call timeout ends that call", async () => {
    const tools = await toolsOf(hostile.url("endless"), { sseReadTimeoutMs: 1_000, callTimeoutMs: 2_000 });
    try {
      const { error, ms } = await timedCall(tools, "quiet__lookup");
      expect(error?.message).toBe('The tool "lookup" did not answer within 2 s.');
      expect(ms).toBeGreaterThanOrEqual(1_900);
    } finally {
      await tools.close();
    }
  });
});
