// "Disconnect": revoke the tokens where the authorization server offers revocation (RFC 7009), then forget them.
// The tools stay listed; the server (or, on a per-person server, the person) waits for a new authorization.
import "server-only";
import { getDb } from "@/server/db";
import type { McpServer } from "@/server/db/schema";
import { createGuardedFetch } from "@/server/mcp/client/ssrf/guarded-fetch";
import { openClientInformation, preRegisteredClient, type StoredTokens } from "./server-oauth";
import { forgetOwnerTokens, readOwnerTokens, type TokenOwner } from "./token-owner";

async function revoke(server: McpServer, stored: StoredTokens | null): Promise<boolean> {
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

export async function disconnectServer(server: McpServer, owner: TokenOwner = { kind: "shared" }): Promise<{ revoked: boolean }> {
  const db = await getDb();
  // Forgotten even when revocation fails: the person asked for these tokens to be gone from here.
  const revoked = await readOwnerTokens(db, server, owner)
    .then((stored) => revoke(server, stored))
    .catch(() => false);
  await forgetOwnerTokens(db, server, owner, `Disconnected${revoked ? " and revoked at the authorization server" : ""}. Press Authorize to connect again.`);
  return { revoked };
}
