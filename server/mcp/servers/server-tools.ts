// A server's tool list: fetched live, compared with what is stored, saved only after a person has seen the change.
import "server-only";
import type { Tool } from "@modelcontextprotocol/client";
import { listAllMcpTools } from "@/server/mcp/client/mcp-tools";
import { toolUiResourceUri } from "@/server/mcp/client/tool-ui-resource";
import { getDb } from "@/server/db";
import { updateMcpServer } from "@/server/db/queries/mcp-servers";
import type { McpServer, McpToolInfo } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { getKv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";
import { generateToken } from "@/server/crypto/tokens";
import { canonicalJson } from "@/shared/canonical-json";
import { describeConnectionError, statusForError } from "./describe-connection-error";
import { openServerConnection } from "./open-connection";

const previewTtlSeconds = 600;
export const needsAuthorizationCode = "bad_request:mcp_server_authorization";

export function toToolInfo(tool: Tool): McpToolInfo {
  return {
    name: tool.name,
    title: tool.title ?? tool.annotations?.title,
    description: tool.description,
    inputSchema: tool.inputSchema as Record<string, unknown>,
    outputSchema: tool.outputSchema as Record<string, unknown> | undefined,
    annotations: tool.annotations as Record<string, unknown> | undefined,
    uiResourceUri: toolUiResourceUri(tool),
  };
}

/** By content, not by text: the stored list comes back from jsonb with its keys reordered and undefined ones gone. */
export function diffTools(before: McpToolInfo[], after: McpToolInfo[]) {
  const old = new Map(before.map((t) => [t.name, canonicalJson(t)]));
  const next = new Map(after.map((t) => [t.name, canonicalJson(t)]));
  return {
    added: after.filter((t) => !old.has(t.name)).map((t) => t.name),
    removed: before.filter((t) => !next.has(t.name)).map((t) => t.name),
    changed: after.filter((t) => old.has(t.name) && old.get(t.name) !== next.get(t.name)).map((t) => t.name),
  };
}

/**
 * Connects with the stored settings (as `userId` on a per-person server) and lists every tool; the server's status
 * follows the outcome (on a per-person server: of the last person who listed them).
 */
export async function fetchServerTools(server: McpServer, { userId = null }: { userId?: string | null } = {}): Promise<McpToolInfo[]> {
  const db = await getDb();
  try {
    const connection = await openServerConnection(server, { userId });
    try {
      const tools = (await listAllMcpTools(connection, { signal: AbortSignal.timeout(server.callTimeoutMs) })).map(toToolInfo);
      await updateMcpServer(db, {
        workspaceId: server.workspaceId,
        id: server.id,
        status: "connected",
        statusReason: null,
        statusAt: new Date(),
        connectionKind: connection.kind,
        protocolVersion: connection.protocolVersion ?? null,
      });
      return tools;
    } finally {
      await connection.close().catch(() => {});
    }
  } catch (error) {
    const reason = describeConnectionError(error, server.name);
    const status = statusForError(error);
    await updateMcpServer(db, { workspaceId: server.workspaceId, id: server.id, status, statusReason: reason, statusAt: new Date() });
    // Its own surface, so callers for whom "needs authorization" is an expected answer can tell it apart.
    throw new AppError(status === "needs_authorization" ? needsAuthorizationCode : "bad_request:mcp_server", reason);
  }
}

export type ToolsPreview =
  | { status: "ok"; token: string; tools: McpToolInfo[]; diff: ReturnType<typeof diffTools> }
  | { status: "needs_authorization"; message: string };

/**
 * The live list next to the stored one, kept for applyToolsUpdate under a token. A server that wants OAuth first
 * is an answer (status needs_authorization), not an HTTP error: the console then offers Authorize.
 */
export async function previewToolsUpdate(server: McpServer, { userId = null }: { userId?: string | null } = {}): Promise<ToolsPreview> {
  let tools: McpToolInfo[];
  // Before the list is asked for: a list_changed sent while it is being listed keeps its mark.
  const fetchedAt = Date.now();
  try {
    tools = await fetchServerTools(server, { userId });
  } catch (error) {
    if (error instanceof AppError && error.code === needsAuthorizationCode) return { status: "needs_authorization", message: error.publicMessage };
    throw error;
  }
  const token = generateToken("tu_", 16);
  await getKv().set(kvKeys.cache("tools-update", token), JSON.stringify({ serverId: server.id, tools, fetchedAt }), { ttlSeconds: previewTtlSeconds });
  return { status: "ok", token, tools, diff: diffTools(server.tools, tools) };
}

export async function applyToolsUpdate(server: McpServer, token: string) {
  const stored = await getKv().getDel(kvKeys.cache("tools-update", token));
  const parsed = stored ? (JSON.parse(stored) as { serverId: string; tools: McpToolInfo[]; fetchedAt?: number }) : null;
  if (!parsed || parsed.serverId !== server.id) {
    throw new AppError("conflict:mcp_server", "This preview expired. Press Update tools again.");
  }
  return updateMcpServer(await getDb(), {
    workspaceId: server.workspaceId,
    id: server.id,
    tools: parsed.tools,
    toolsUpdatedAt: new Date(),
    // A list_changed that came after this list was fetched still stands.
    toolsChangedAt: server.toolsChangedAt && server.toolsChangedAt.getTime() > (parsed.fetchedAt ?? 0) ? server.toolsChangedAt : null,
  });
}
