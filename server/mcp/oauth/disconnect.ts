// "Disconnect": revoke the tokens where the authorization server offers revocation (RFC 7009), then forget them.
// The tools stay listed; the server waits for a new authorization.
import "server-only";
import { getDb } from "@/server/db";
import { updateMcpServer } from "@/server/db/queries/mcp-servers";
import type { McpServer } from "@/server/db/schema";
import { createGuardedFetch } from "@/server/mcp/client/ssrf/guarded-fetch";
import { clearedTokenColumns, openClientInformation, openStoredTokens, preRegisteredClient } from "./server-oauth";

async function revoke(server: McpServer): Promise<boolean> {
  const stored = openStoredTokens(server);
  // OIDC discovery documents carry it too, but the SDK's OIDC type does not name it.
  const metadata = stored?.discovery?.authorizationServerMetadata as { revocation_endpoint?: string } | undefined;
  const endpoint = metadata?.revocation_endpoint;
  if (!stored || !endpoint) return false;
  const pre = preRegisteredClient(server);
  const client = pre ? { client_id: pre.clientId, client_secret: pre.clientSecret } : openClientInformation(server);
  const fetchFn = createGuardedFetch();
  // The refresh token first: revoking it ends the grant on most servers (RFC 7009 §2.1).
  const tokens = [
    ...(stored.tokens.refresh_token ? [[stored.tokens.refresh_token, "refresh_token"]] : []),
    [stored.tokens.access_token, "access_token"],
  ];
  let revoked = false;
  for (const [token, hint] of tokens) {
    const body = new URLSearchParams({ token: token!, token_type_hint: hint! });
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
    if (client?.client_secret) headers.authorization = `Basic ${btoa(`${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`)}`;
    else if (client) body.set("client_id", client.client_id);
    const response = await fetchFn(endpoint, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) }).catch(() => null);
    await response?.body?.cancel().catch(() => {});
    revoked ||= response?.ok === true;
  }
  return revoked;
}

export async function disconnectServer(server: McpServer): Promise<{ revoked: boolean }> {
  // Forgotten even when revocation fails: the person asked for these tokens to be gone from here.
  const revoked = await revoke(server).catch(() => false);
  await updateMcpServer(await getDb(), {
    workspaceId: server.workspaceId,
    id: server.id,
    ...clearedTokenColumns,
    status: "needs_authorization",
    statusReason: `Disconnected${revoked ? " and revoked at the authorization server" : ""}. Press Authorize to connect again.`,
    statusAt: new Date(),
  });
  return { revoked };
}
