// MCP servers of a workspace: create, edit, remove, and what the console may see of them (never a secret).
import "server-only";
import { getDb } from "@/server/db";
import { listAgentDrafts } from "@/server/db/queries/apps";
import { deleteMcpServer, getMcpServer, insertMcpServer, updateMcpServer } from "@/server/db/queries/mcp-servers";
import type { McpServer } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { assertPublicUrl } from "@/server/mcp/client/ssrf/assert-public-url";
import { maskHeaders, sealHeaders } from "./headers";
import type { McpServerInput } from "./mcp-server-input";

export function toPublicServer(server: McpServer) {
  return {
    id: server.id,
    name: server.name,
    identifier: server.identifier,
    url: server.url,
    icon: server.icon,
    iconBackground: server.iconBackground,
    transport: server.transport,
    headers: maskHeaders(server.id, server.headers),
    connectTimeoutMs: server.connectTimeoutMs,
    callTimeoutMs: server.callTimeoutMs,
    sseReadTimeoutMs: server.sseReadTimeoutMs,
    tools: server.tools,
    toolsUpdatedAt: server.toolsUpdatedAt,
    status: server.status,
    statusReason: server.statusReason,
    authMode: server.authMode,
    updatedAt: server.updatedAt,
  };
}

export async function getMcpServerOrThrow({ workspaceId, id }: { workspaceId: string; id: string }) {
  const server = await getMcpServer(await getDb(), { workspaceId, id });
  if (!server) throw new AppError("not_found:mcp_server", "This MCP server does not exist or was removed.");
  return server;
}

export async function createMcpServer({ workspaceId, createdBy, input }: { workspaceId: string; createdBy: string | null; input: McpServerInput }) {
  await assertPublicUrl(input.url);
  const id = crypto.randomUUID();
  const { headers, ...rest } = input;
  try {
    return await insertMcpServer(await getDb(), { ...rest, id, workspaceId, createdBy, headers: sealHeaders(id, headers) });
  } catch (error) {
    throw uniqueIdentifierError(error, input.identifier);
  }
}

export async function editMcpServer({ workspaceId, id, input }: { workspaceId: string; id: string; input: McpServerInput }) {
  const existing = await getMcpServerOrThrow({ workspaceId, id });
  await assertPublicUrl(input.url);
  const { headers, ...rest } = input;
  try {
    const updated = await updateMcpServer(await getDb(), { workspaceId, id, ...rest, headers: sealHeaders(id, headers, existing.headers) });
    return updated!;
  } catch (error) {
    throw uniqueIdentifierError(error, input.identifier);
  }
}

export async function removeMcpServer({ workspaceId, id }: { workspaceId: string; id: string }) {
  if (!(await deleteMcpServer(await getDb(), { workspaceId, id }))) {
    throw new AppError("not_found:mcp_server", "This MCP server does not exist or was removed.");
  }
}

/** Apps whose draft binds this server: shown before a rename or removal. */
export async function appsUsingServer({ workspaceId, serverId }: { workspaceId: string; serverId: string }) {
  const rows = await listAgentDrafts(await getDb(), { workspaceId });
  return rows.filter((app) => app.draft.tools.some((b) => b.serverId === serverId)).map(({ id, name }) => ({ id, name }));
}

function uniqueIdentifierError(error: unknown, identifier: string) {
  const code = (error as { code?: string; cause?: { code?: string } })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  if (code === "23505") return new AppError("conflict:mcp_server", `Another server already uses the identifier "${identifier}".`);
  return error;
}

