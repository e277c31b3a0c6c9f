// How a server's OAuth state sits in its mcp_servers row: client information and tokens as sealed JSON (AES-GCM with
// the row and field as associated data, so a ciphertext cannot be moved to another server), the issuer in the clear.
import "server-only";
import type { OAuthDiscoveryState } from "@modelcontextprotocol/sdk/client/auth.js";
import type { OAuthClientInformationMixed, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { openSecret, sealSecret } from "@/server/crypto/secret-box";
import type { McpServer } from "@/server/db/schema";
import type { McpOAuthProviderOptions, OAuthSession } from "./oauth-provider";

/** The tokens and what is needed to refresh them: the issuer's metadata and the resource they were issued for. */
export interface StoredTokens {
  tokens: OAuthTokens;
  discovery?: OAuthDiscoveryState;
  /** Epoch ms when the access token was issued (from our clock), to size the proactive refresh window. */
  obtainedAt: number;
}

/** Associated data of each sealed OAuth column; key rotation (server/key-rotation) reseals with the same. */
export const oauthAad = (serverId: string, field: "client" | "tokens" | "client_secret") => `mcp_servers:${serverId}:oauth:${field}`;
const aad = oauthAad;

export function sealClientSecret(serverId: string, secret: string) {
  return sealSecret(secret, aad(serverId, "client_secret"));
}

export function openClientSecret(server: McpServer): string | undefined {
  return server.oauthClientSecretCiphertext ? openSecret(server.oauthClientSecretCiphertext, aad(server.id, "client_secret")) : undefined;
}

/** The hand-entered client of an oauth_custom server, bound to the issuer it last worked with. */
export function preRegisteredClient(server: McpServer): McpOAuthProviderOptions["preRegistered"] {
  if (server.authMode !== "oauth_custom" || !server.oauthClientId) return undefined;
  return { clientId: server.oauthClientId, clientSecret: openClientSecret(server), issuer: server.oauthIssuer ?? undefined };
}

export function openClientInformation(server: McpServer): OAuthClientInformationMixed | undefined {
  if (!server.oauthClientInfoCiphertext) return undefined;
  return JSON.parse(openSecret(server.oauthClientInfoCiphertext, aad(server.id, "client"))) as OAuthClientInformationMixed;
}

export function openStoredTokens(server: McpServer): StoredTokens | null {
  if (!server.oauthTokensCiphertext) return null;
  return JSON.parse(openSecret(server.oauthTokensCiphertext, aad(server.id, "tokens"))) as StoredTokens;
}

/** Column values for freshly issued tokens. */
export function tokenColumns(serverId: string, tokens: OAuthTokens, discovery: OAuthDiscoveryState | undefined) {
  const obtainedAt = Date.now();
  const stored: StoredTokens = { tokens, discovery, obtainedAt };
  return {
    oauthTokensCiphertext: sealSecret(JSON.stringify(stored), aad(serverId, "tokens")),
    oauthIssuer: tokens.issuer ?? discovery?.authorizationServerUrl ?? null,
    oauthTokenExpiresAt: tokens.expires_in !== undefined ? new Date(obtainedAt + tokens.expires_in * 1000) : null,
  };
}

/** The client a successful flow used, when it was registered automatically: shared by everyone on the server. */
export function clientColumns(server: McpServer, session: OAuthSession) {
  const client = session.clientInformation;
  return client && server.authMode !== "oauth_custom" ? { oauthClientInfoCiphertext: sealSecret(JSON.stringify(client), aad(server.id, "client")) } : {};
}

export const clearedTokenColumns = { oauthTokensCiphertext: null, oauthTokenExpiresAt: null } as const;
