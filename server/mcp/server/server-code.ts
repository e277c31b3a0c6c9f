// The secret code in a published server's URL (MCP.md: a credential of 128+ bits from a CSPRNG, looked up by its
// hash, never logged). The code is sealed for the owner to copy again; only its hash is ever queried.
import "server-only";
import { generateToken, hashToken } from "@/server/crypto/tokens";
import { openSecret, sealSecret } from "@/server/crypto/secret-box";
import { env } from "@/server/env";

// 24 random bytes: 192 bits, 32 base64url characters.
const codeBytes = 24;
const codeShape = /^[A-Za-z0-9_-]{32}$/;

export const serverCodeAad = (appId: string) => `published_servers:${appId}:code`;
export const workspaceServerCodeAad = (workspaceId: string) => `workspace_servers:${workspaceId}:code`;
const aad = serverCodeAad;

/** A new code, sealed for an app's server (or, given the workspace server's aad, for that). */
export function newServerCode(appId: string, sealedFor: string = aad(appId)) {
  const code = generateToken("", codeBytes);
  return { code, codeHash: hashToken(code), codeCiphertext: sealSecret(code, sealedFor) };
}

/** Cheap shape check, so random paths never reach the database. */
export function isWellFormedCode(code: string): boolean {
  return codeShape.test(code);
}

export function openServerCode({ appId, codeCiphertext }: { appId: string; codeCiphertext: string }): string {
  return openSecret(codeCiphertext, aad(appId));
}

export function openWorkspaceServerCode({ workspaceId, codeCiphertext }: { workspaceId: string; codeCiphertext: string }): string {
  return openSecret(codeCiphertext, workspaceServerCodeAad(workspaceId));
}

export function serverUrl(code: string, appUrl: string = env.APP_URL): string {
  return new URL(`/mcp/server/${code}/mcp`, appUrl).toString();
}
