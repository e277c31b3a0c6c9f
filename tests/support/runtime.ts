// Builders for runtime tests: a workspace with an app, the scripted model, the test MCP server's tools, and a run
// whose events are collected.
import { randomBytes } from "node:crypto";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { eq } from "drizzle-orm";
import { appConfigSchema, type AppType } from "@/server/apps/app-config";
import { connectMcpServer, type Connection } from "@/server/mcp/client/connect";
import { mcpClientTools } from "@/server/mcp/client/mcp-tools";
import { runApp, type RunAppParams } from "@/server/agent/run-app";
import type { RunEvent } from "@/server/agent/run-events";
import type { RuntimeTool } from "@/server/agent/runtime-tool";
import { getDb } from "@/server/db";
import { insertApp } from "@/server/db/queries/apps";
import { conversations, messages, toolCalls } from "@/server/db/schema";
import { signUp } from "@/server/auth/sign-up";
import type { ScriptedLlm } from "./scripted-llm";
import type { TestMcpServer } from "./test-mcp-server";

export const testApiKey = "sk-test-secret";
export const testServerId = "test-tools";

export function scriptedModel(llm: ScriptedLlm) {
  // includeUsage asks for the final usage chunk, as OpenAI itself needs `stream_options.include_usage`.
  return createOpenAICompatible({ name: "scripted", baseURL: `${llm.url}/v1`, apiKey: testApiKey, includeUsage: true }).chatModel("scripted-model");
}

export async function connectTestTools(mcp: TestMcpServer): Promise<{ client: Connection; tools: RuntimeTool[] }> {
  // Our own client, unguarded: the test server listens on 127.0.0.1.
  const client = await connectMcpServer({ url: mcp.url, transport: "auto", headers: {}, connectTimeoutMs: 10_000, sseReadTimeoutMs: 300_000, fetch });
  const tools = await mcpClientTools(client, { namespace: "test", serverId: testServerId, timeoutMs: 20_000 });
  return { client, tools };
}

export async function createTestApp(type: AppType, draft: Record<string, unknown> = {}) {
  // Straight through sign-up: runtime tests need a workspace, not the tRPC layer.
  const { user, workspace } = await signUp({ email: `runtime-${randomBytes(4).toString("hex")}@example.test`, password: "correct horse battery", name: "Runtime" });
  const config = appConfigSchema.parse({
    model: { providerId: "scripted", model: "scripted-model" },
    tools: type === "agent" ? [{ serverId: testServerId, mode: "all" }] : [],
    ...draft,
  });
  const app = await insertApp(await getDb(), { workspaceId: workspace.id, type, name: `${type} app`, draft: config, createdBy: user.id });
  return { user, workspace, app, config };
}

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export async function runTestApp(
  { user, workspace, app, config }: TestApp,
  llm: ScriptedLlm,
  params: Partial<RunAppParams> & { query: string },
) {
  const events: RunEvent[] = [];
  const result = await runApp({
    workspaceId: workspace.id,
    appId: app.id,
    appVersionId: null,
    config,
    appType: app.type,
    model: scriptedModel(llm),
    modelId: "scripted-model",
    tools: [],
    inputs: {},
    source: "debug",
    userId: user.id,
    signal: new AbortController().signal,
    onEvent: (event) => events.push(event),
    ...params,
  });
  return { result, events };
}

/** Every stored row of a workspace's conversations, for "what was stored" assertions. */
export async function dumpRuns(workspaceId: string) {
  const db = await getDb();
  return {
    conversations: await db.select().from(conversations).where(eq(conversations.workspaceId, workspaceId)),
    messages: await db.select().from(messages).where(eq(messages.workspaceId, workspaceId)),
    toolCalls: await db.select().from(toolCalls).where(eq(toolCalls.workspaceId, workspaceId)),
  };
}
