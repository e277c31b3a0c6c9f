// Access tokens for live connections. A token is refreshed a little before it expires (with jitter, so instances do
// not all arrive at once) and after any 401, under a KV lock that holds across instances plus a shared promise
// within one, and only if the token we saw is still the stored one: with refresh-token rotation, a second refresh
// with the same refresh token would make many servers revoke the whole grant.
import "server-only";
import { refreshAuthorization, selectResourceURL } from "@modelcontextprotocol/sdk/client/auth.js";
import { InvalidClientError, InvalidGrantError, UnauthorizedClientError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import { getDb } from "@/server/db";
import { getMcpServer } from "@/server/db/queries/mcp-servers";
import type { McpServer } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { getKv } from "@/server/kv";
import { withLock } from "@/server/kv/lock";
import { createGuardedFetch } from "@/server/mcp/client/ssrf/guarded-fetch";
import { openServerUrl } from "@/server/mcp/servers/server-url";
import { describeOAuthError } from "./describe-oauth-error";
import { PersonConnectionNeeded } from "./person-connection-needed";
import { createMcpOAuthProvider } from "./oauth-provider";
import { oauthRedirectUrl } from "./redirect-url";
import { openClientInformation, openStoredTokens, preRegisteredClient, type StoredTokens } from "./server-oauth";
import { readOwnerTokens, refreshKey, saveOwnerTokens, setOwnerStatus, type TokenOwner } from "./token-owner";

/** Refreshes running in this process, by server id (and person, for per-person servers). Each app instance has its own; tests make a second one. */
export type TokenCache = Map<string, Promise<StoredTokens>>;
export const processTokenCache: TokenCache = new Map();

export interface TokenSource {
  /** The bearer token to send now (refreshed first when it is about to expire); null when none is stored. */
  current(): Promise<string | null>;
  /** The server answered 401 to `rejected`: a newer token, or an error that says the server needs authorization. */
  afterRejection(rejected: string | null): Promise<string>;
}

const lockTtlMs = 30_000;
const lockWaitMs = 45_000;

/** Refresh when less than a fifth of the lifetime (at most a minute) is left, that window stretched by up to half. */
export function isDue(stored: StoredTokens, now = Date.now()): boolean {
  const lifetimeMs = stored.tokens.expires_in === undefined ? undefined : stored.tokens.expires_in * 1000;
  if (lifetimeMs === undefined) return false;
  const windowMs = Math.min(60_000, lifetimeMs / 5) * (1 + Math.random() / 2);
  return now >= stored.obtainedAt + lifetimeMs - windowMs;
}

export function serverTokenSource(
  server: McpServer,
  { cache = processTokenCache, owner = { kind: "shared" } }: { cache?: TokenCache; owner?: TokenOwner } = {},
): TokenSource {
  // The shared tokens came with the row; a person's are read on first use.
  let stored: StoredTokens | null | undefined = owner.kind === "shared" ? openStoredTokens(server) : undefined;
  const key = refreshKey(server.id, owner);

  const refresh = (seen: string | null) => {
    let running = cache.get(key);
    if (!running) {
      running = withLock(getKv(), `oauth-refresh:${key}`, { ttlMs: lockTtlMs, waitMs: lockWaitMs }, () => refreshLocked(server, owner, seen)).finally(
        () => cache.delete(key),
      );
      cache.set(key, running);
    }
    return running.then((latest) => {
      stored = latest;
      return latest.tokens.access_token;
    });
  };

  return {
    async current() {
      if (stored === undefined) stored = await readOwnerTokens(await getDb(), server, owner);
      if (!stored) return null;
      return isDue(stored) ? refresh(stored.tokens.access_token) : stored.tokens.access_token;
    },
    afterRejection: (rejected) => refresh(rejected),
  };
}

/** Runs holding the lock: re-reads the tokens, since another instance may have refreshed while we waited. */
async function refreshLocked(server: McpServer, owner: TokenOwner, seen: string | null): Promise<StoredTokens> {
  const db = await getDb();
  const row = await getMcpServer(db, { workspaceId: server.workspaceId, id: server.id });
  if (!row) throw new AppError("not_found:mcp_server", "This MCP server does not exist or was removed.");
  const latest = await readOwnerTokens(db, row, owner);
  const connect = owner.kind === "person" ? "Connect your account under Tools → MCP." : "Press Authorize under Tools → MCP.";
  if (!latest) throw await needsAuthorization(row, owner, `${row.name} needs authorization. ${connect}`, false);
  if (latest.tokens.access_token !== seen) return latest;
  if (!latest.tokens.refresh_token || !latest.discovery) {
    throw await needsAuthorization(row, owner, `${row.name} needs re-authorization: its access token expired and it gave no refresh token. Press Reconnect.`, true);
  }

  const session = { clientInformation: openClientInformation(row), discovery: latest.discovery };
  const provider = createMcpOAuthProvider(session, { redirectUrl: oauthRedirectUrl(), preRegistered: preRegisteredClient(row) });
  const fetchFn = createGuardedFetch();
  try {
    const resource = await selectResourceURL(openServerUrl(row), provider, latest.discovery.resourceMetadata);
    const tokens = await refreshAuthorization(latest.discovery.authorizationServerUrl, {
      metadata: latest.discovery.authorizationServerMetadata,
      clientInformation: (await provider.clientInformation())!,
      refreshToken: latest.tokens.refresh_token,
      resource,
      fetchFn,
    });
    return await saveOwnerTokens(db, row, owner, { tokens: { ...tokens, issuer: latest.tokens.issuer }, discovery: latest.discovery });
  } catch (error) {
    if (error instanceof InvalidGrantError || error instanceof InvalidClientError || error instanceof UnauthorizedClientError) {
      throw await needsAuthorization(row, owner, `${row.name} needs re-authorization. ${describeOAuthError(error, row.name)} Press Reconnect.`, true);
    }
    throw new AppError("unavailable:mcp_oauth", `Could not renew the authorization of ${row.name}. ${describeOAuthError(error, row.name)}`, { cause: error });
  }
}

/** Marks the owner's connection, keeps the tools, forgets tokens that can no longer be used; returns the error to throw. */
async function needsAuthorization(row: McpServer, owner: TokenOwner, reason: string, forgetTokens: boolean): Promise<AppError> {
  await setOwnerStatus(await getDb(), row, owner, { status: "needs_authorization", reason, forgetTokens });
  return owner.kind === "person" ? new PersonConnectionNeeded(reason, { id: row.id, name: row.name }) : new AppError("unauthorized:mcp_oauth", reason);
}
