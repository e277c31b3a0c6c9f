// MCP servers of a workspace: create, edit, remove, and what the console may see of them (never a secret).
import "server-only";
import { getDb } from "@/server/db";
import { isUniqueViolation } from "@/server/db/is-unique-violation";
import { listAgentDrafts } from "@/server/db/queries/apps";
import { deletePersonConnectionsOfServer } from "@/server/db/queries/mcp-person-connections";
import { deleteMcpServer, getMcpServer, insertMcpServer, updateMcpServer } from "@/server/db/queries/mcp-servers";
import type { McpServer } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { assertPublicUrl } from "@/server/mcp/client/ssrf/assert-public-url";
import { maskSecret } from "@/server/crypto/secret-box";
import { oauthRedirectUrl } from "@/server/mcp/oauth/redirect-url";
import { openClientSecret, openStoredTokens, sealClientSecret } from "@/server/mcp/oauth/server-oauth";
import { maskHeaders, sealHeaders } from "./headers";
import type { McpServerInput } from "./mcp-server-input";
import { resolveServerSecrets, type ResolvedServerSecrets } from "./server-secrets";
import { openServerUrl, serverUrlColumns, shownServerUrl } from "./server-url";

export function toPublicServer(server: McpServer) {
  return {
    id: server.id,
    name: server.name,
    identifier: server.identifier,
    url: shownServerUrl(server),
    icon: server.icon,
    iconBackground: server.iconBackground,
    transport: server.transport,
    headers: maskHeaders(server.id, server.headers),
    connectTimeoutMs: server.connectTimeoutMs,
    callTimeoutMs: server.callTimeoutMs,
    sseReadTimeoutMs: server.sseReadTimeoutMs,
    tools: server.tools,
    toolsUpdatedAt: server.toolsUpdatedAt,
    toolsChangedAt: server.toolsChangedAt,
    connectionKind: server.connectionKind,
    protocolVersion: server.protocolVersion,
    status: server.status,
    statusReason: server.statusReason,
    authMode: server.authMode,
    credentialScope: server.credentialScope,
    oauth: publicOAuth(server),
    updatedAt: server.updatedAt,
  };
}

/** What the console may know about a server's OAuth state: never a token, the client secret only masked. */
function publicOAuth(server: McpServer) {
  const secret = openClientSecret(server);
  return {
    redirectUrl: oauthRedirectUrl(),
    clientId: server.oauthClientId,
    clientSecret: secret ? maskSecret(secret) : null,
    scopes: server.oauthScopes,
    issuer: server.oauthIssuer,
    authorized: server.oauthTokensCiphertext !== null,
    tokenExpiresAt: server.oauthTokenExpiresAt,
    renewable: Boolean(openStoredTokens(server)?.tokens.refresh_token),
  };
}

/** The OAuth columns of a create or edit; a changed URL, mode or client makes earlier tokens and registrations void. */
function oauthColumns(id: string, input: McpServerInput, secrets: ResolvedServerSecrets, existing?: McpServer) {
  const clientId = input.oauthClientId?.trim() || null;
  const custom = input.authMode === "oauth_custom";
  if (custom && !clientId) throw new AppError("bad_request:mcp_server", "Enter the OAuth client ID of your custom client.");
  if (input.credentialScope === "per_person" && input.authMode === "none") {
    throw new AppError("bad_request:mcp_server", "Per-person credentials need OAuth: choose Automatic or Custom client, or make the credentials Shared.");
  }
  const secret = custom ? secrets.clientSecret : null;
  const secretCiphertext = !secret ? null : "keptCiphertext" in secret ? secret.keptCiphertext : sealClientSecret(id, secret.value);
  const columns = {
    authMode: input.authMode,
    oauthClientId: custom ? clientId : null,
    oauthClientSecretCiphertext: secretCiphertext,
    oauthScopes: input.oauthScopes?.trim() || null,
  };
  const voided =
    existing &&
    (openServerUrl(existing) !== secrets.url ||
      existing.authMode !== input.authMode ||
      existing.credentialScope !== input.credentialScope ||
      existing.oauthClientId !== columns.oauthClientId ||
      existing.oauthClientSecretCiphertext !== columns.oauthClientSecretCiphertext);
  return voided
    ? { ...columns, oauthClientInfoCiphertext: null, oauthTokensCiphertext: null, oauthIssuer: null, oauthTokenExpiresAt: null }
    : columns;
}

/** Every column a create or edit writes from the form, after the masked-secret rule and the address check. */
async function formColumns(id: string, input: McpServerInput, existing?: McpServer) {
  const secrets = resolveServerSecrets({ url: input.url, headers: input.headers, oauthClientSecret: input.authMode === "oauth_custom" ? input.oauthClientSecret : null }, existing);
  await assertPublicUrl(secrets.url);
  const { headers: _headers, url: _url, oauthClientId: _id, oauthClientSecret: _secret, oauthScopes: _scopes, ...rest } = input;
  return { ...rest, ...serverUrlColumns(id, secrets.url), ...oauthColumns(id, input, secrets, existing), headers: sealHeaders(id, secrets.headers) };
}

export async function getMcpServerOrThrow({ workspaceId, id }: { workspaceId: string; id: string }) {
  const server = await getMcpServer(await getDb(), { workspaceId, id });
  if (!server) throw new AppError("not_found:mcp_server", "This MCP server does not exist or was removed.");
  return server;
}

export async function createMcpServer({ workspaceId, createdBy, input }: { workspaceId: string; createdBy: string | null; input: McpServerInput }) {
  const id = crypto.randomUUID();
  const columns = await formColumns(id, input);
  try {
    return await insertMcpServer(await getDb(), { ...columns, id, workspaceId, createdBy });
  } catch (error) {
    throw uniqueIdentifierError(error, input.identifier);
  }
}

export async function editMcpServer({ workspaceId, id, input }: { workspaceId: string; id: string; input: McpServerInput }) {
  const existing = await getMcpServerOrThrow({ workspaceId, id });
  const columns = await formColumns(id, input, existing);
  try {
    const db = await getDb();
    const updated = await db.transaction(async (tx) => {
      const row = await updateMcpServer(tx, { workspaceId, id, ...columns });
      // Tokens voided on the server row (see oauthColumns) are voided for every person too.
      if ("oauthTokensCiphertext" in columns) await deletePersonConnectionsOfServer(tx, { workspaceId, serverId: id });
      return row;
    });
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
  if (isUniqueViolation(error)) return new AppError("conflict:mcp_server", `Another server already uses the identifier "${identifier}".`);
  return error;
}

