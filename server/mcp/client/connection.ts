// The one small interface the rest of the app talks to, whichever protocol era and transport a server speaks.
import type { CallToolResult, Tool } from "@modelcontextprotocol/client";
import type { ConnectionKindName } from "@/shared/connection-label";

/**
 * - modern: 2026-07-28, stateless (`server/discover`, no session);
 * - session: 2025 Streamable HTTP with an `Mcp-Session-Id`, ended with DELETE on close;
 * - stateless: 2025 Streamable HTTP without a session;
 * - sse: legacy HTTP+SSE (deprecated).
 */
export type ConnectionKind = ConnectionKindName;

export interface ToolsPage {
  tools: Tool[];
  nextCursor?: string;
}

export interface ResourceInfo {
  uri: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
  size?: number;
}

/** `_meta` as the server sent it (an MCP App's `ui.csp`, say): unchecked, its reader validates what it uses. */
export type ResourceText = { uri: string; mimeType?: string; _meta?: unknown } & ({ text: string } | { blobBytes: number });

export interface PromptInfo {
  name: string;
  title?: string;
  description?: string;
  arguments: Array<{ name: string; description?: string; required: boolean }>;
}

export interface Connection {
  kind: ConnectionKind;
  transport: "streamable_http" | "sse";
  serverInfo: { name: string; version: string } | undefined;
  protocolVersion: string | undefined;
  sessionId: string | undefined;
  listTools(options: { cursor?: string; signal?: AbortSignal }): Promise<ToolsPage>;
  /**
   * A timeout or abort sends `notifications/cancelled` (2025) or ends the request's stream (2026-07-28). With
   * `onProgress` the call carries a progress token and the server's notifications/progress reach it.
   */
  callTool(
    name: string,
    args: Record<string, unknown>,
    options: { signal?: AbortSignal; timeoutMs: number; onProgress?(progress: { progress: number; total?: number; message?: string }): void },
  ): Promise<CallToolResult>;
  /** resources/list, following nextCursor up to a page limit. */
  listResources(options: { signal?: AbortSignal }): Promise<ResourceInfo[]>;
  /** resources/read of one resource: its text contents (binary ones are named by size, not returned). */
  readResource(uri: string, options: { signal?: AbortSignal }): Promise<ResourceText[]>;
  /** prompts/list, following nextCursor up to a page limit. */
  listPrompts(options: { signal?: AbortSignal }): Promise<PromptInfo[]>;
  /** Ends a 2025 session with DELETE, then closes the transport. Never throws. */
  close(): Promise<void>;
}
