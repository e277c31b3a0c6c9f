// Helpers for the OAuth integration tests: an authorization server with a protected MCP server in front, and one
// call that walks a server through Authorize -> consent -> callback as the console and a browser would.
import { expect } from "vitest";
import { finishServerAuthorization } from "@/server/mcp/oauth/finish-authorization";
import { oauthRedirectUrl } from "@/server/mcp/oauth/redirect-url";
import { approveAuthorization, startTestAuthServer, type TestAuthServer, type TestAuthServerOptions } from "./oauth-server";
import { startProtectedMcpServer, type ProtectedMcpServer, type ProtectedMcpServerOptions } from "./protected-mcp-server";
import type { callerAs } from "./fixtures";

export interface OAuthPeers {
  as: TestAuthServer;
  mcp: ProtectedMcpServer;
  close(): Promise<void>;
}

export async function startOAuthPeers(
  options: TestAuthServerOptions & Pick<ProtectedMcpServerOptions, "requiredHeaders" | "modern"> = {},
): Promise<OAuthPeers> {
  const as = await startTestAuthServer(options);
  const mcp = await startProtectedMcpServer({ issuer: as.issuer, jwks: as.jwks, requiredHeaders: options.requiredHeaders, modern: options.modern });
  return { as, mcp, close: async () => void (await Promise.all([as.close(), mcp.close()])) };
}

type Caller = ReturnType<typeof callerAs>;

/** Authorize in the console, approve at the authorization server, and land on the callback as `userId`. */
export async function authorizeServer(caller: Caller, { serverId, userId, deny = false }: { serverId: string; userId: string; deny?: boolean }) {
  const { authorizationUrl } = await caller.mcpServers.authorize({ id: serverId, display: "popup" });
  const callback = await approveAuthorization(authorizationUrl, { redirectUri: oauthRedirectUrl(), deny });
  expect(callback.toString().startsWith(oauthRedirectUrl())).toBe(true);
  const outcome = await finishServerAuthorization({ params: callback.searchParams, userId });
  return { authorizationUrl: new URL(authorizationUrl), callback, outcome };
}
