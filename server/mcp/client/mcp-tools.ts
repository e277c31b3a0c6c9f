// Wraps the tools of a connection as RuntimeTools: list (following nextCursor), then call with the run's abort
// signal and a per-call timeout. The SDK cancels on abort and on timeout (notifications/cancelled on 2025).
import "server-only";
import { createHash } from "node:crypto";
import type { JSONSchema7 } from "ai";
import { SdkError, SdkErrorCode, type ContentBlock, type Tool } from "@modelcontextprotocol/client";
import type { Connection } from "./connection";
import { runtimeToolNamePattern, type RuntimeTool, type RuntimeToolContent, type RuntimeToolResult, type ToolProgress } from "@/server/agent/runtime-tool";

export interface McpClientToolsOptions {
  /** Prefix for model-facing names (`<namespace>__<tool>`), so two servers' tools never collide. Empty for none. */
  namespace: string;
  serverId?: string;
  /** Longest wait for one tools/call. */
  timeoutMs?: number;
}

const defaultTimeoutMs = 60_000;
const maxPages = 50;

/** MCP allows `.` and longer names; many LLM APIs do not. Cut and hash rather than reject. */
export function modelToolName(namespace: string, name: string): string {
  const raw = namespace ? `${namespace}__${name}` : name;
  if (runtimeToolNamePattern.test(raw)) return raw;
  const hash = createHash("sha256").update(raw).digest("hex").slice(0, 8);
  return `${raw.replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 55)}_${hash}`;
}

export async function listAllMcpTools(connection: Pick<Connection, "listTools">, options?: { signal?: AbortSignal }): Promise<Tool[]> {
  const tools: Tool[] = [];
  let cursor: string | undefined;
  // A server that keeps returning cursors must not hang us.
  for (let page = 0; page < maxPages; page++) {
    const result = await connection.listTools({ cursor, signal: options?.signal });
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}

function toRuntimeContent(block: ContentBlock): RuntimeToolContent {
  switch (block.type) {
    case "text":
      return { type: "text", text: block.text };
    case "image":
      return { type: "image", data: block.data, mimeType: block.mimeType };
    case "resource": {
      const { uri, mimeType } = block.resource;
      return { type: "resource", resource: { uri, mimeType, text: "text" in block.resource ? block.resource.text : undefined } };
    }
    case "audio":
      return { type: "audio", data: block.data, mimeType: block.mimeType };
    case "resource_link":
      return { type: "resource_link", uri: block.uri, name: block.name, mimeType: block.mimeType };
    default:
      // Block types of later protocol versions: say what arrived rather than dropping it silently.
      return { type: "text", text: `[${(block as { type: string }).type} content omitted]` };
  }
}

/** One tools/call, as a RuntimeToolResult. Abort and timeout both send notifications/cancelled (SDK behaviour). */
export async function callMcpTool(
  connection: Pick<Connection, "callTool">,
  name: string,
  args: unknown,
  { signal, timeoutMs = defaultTimeoutMs, onProgress }: { signal: AbortSignal; timeoutMs?: number; onProgress?(progress: ToolProgress): void },
): Promise<RuntimeToolResult> {
  try {
    const result = await connection.callTool(name, (args ?? {}) as Record<string, unknown>, { signal, timeoutMs, onProgress });
    const content = Array.isArray(result.content) ? (result.content as ContentBlock[]) : [];
    return { content: content.map(toRuntimeContent), structuredContent: result.structuredContent, isError: result.isError === true };
  } catch (error) {
    if (signal.aborted) throw error;
    if (error instanceof SdkError && error.code === SdkErrorCode.RequestTimeout) {
      throw new Error(`The tool "${name}" did not answer within ${Math.round(timeoutMs / 1000)} s.`);
    }
    throw error;
  }
}

export async function mcpClientTools(connection: Connection, options: McpClientToolsOptions): Promise<RuntimeTool[]> {
  const tools = await listAllMcpTools(connection);
  return tools.map((tool) => ({
    name: modelToolName(options.namespace, tool.name),
    title: tool.title ?? tool.annotations?.title,
    description: tool.description ?? tool.title ?? tool.name,
    inputSchema: tool.inputSchema as JSONSchema7,
    serverId: options.serverId,
    sourceName: tool.name,
    annotations: tool.annotations,
    execute: (args, { signal, onProgress }) => callMcpTool(connection, tool.name, args, { signal, timeoutMs: options.timeoutMs, onProgress }),
  }));
}
