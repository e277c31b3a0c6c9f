// The set-up every runtime suite shares: the test MCP server and its tools, connected once for the file, and a fresh
// scripted model for each test.
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import type { RuntimeTool } from "@/server/agent/runtime-tool";
import type { Connection } from "@/server/mcp/client/connect";
import { connectTestTools } from "./runtime";
import { startScriptedLlm, type ScriptedLlm } from "./scripted-llm";
import { startTestMcpServer, type TestMcpServer } from "./test-mcp-server";

export interface RuntimeHarness {
  mcp: TestMcpServer;
  client: Connection;
  /** The test server's tools as the runtime offers them (named test__<tool>). */
  tools: RuntimeTool[];
  llm: ScriptedLlm;
}

export function useRuntimeHarness(options?: Parameters<typeof startTestMcpServer>[0]): RuntimeHarness {
  const harness = {} as RuntimeHarness;
  beforeAll(async () => {
    harness.mcp = await startTestMcpServer(options);
    Object.assign(harness, await connectTestTools(harness.mcp));
  });
  afterAll(async () => {
    await harness.client.close();
    await harness.mcp.close();
  });
  beforeEach(async () => {
    harness.llm = await startScriptedLlm();
  });
  afterEach(() => harness.llm.close());
  return harness;
}
