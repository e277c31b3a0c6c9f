// The published endpoint's check of a Bearer token in "Switchyard sign-in" mode: issued by us, unexpired, not
// revoked, and for this endpoint's resource (RFC 8707; MCP authorization "Token Audience Binding and Validation": a
// token issued for another server is refused, so a token can never be passed through to reach a second one).
// Tokens are opaque and looked up on every call, so a revoked grant stops at the next request on every instance.
import "server-only";
import { getDb } from "@/server/db";
import { findGrant, touchGrant } from "@/server/db/queries/oauth-server-grants";
import { getProvider } from "./provider";

export interface OauthCaller {
  userId: string;
  clientId: string;
  clientName: string;
  grantId: string;
}

// lastUsedAt is for people: written at most once a minute per grant.
const touchIntervalMs = 60_000;
const shapeOfToken = /^[A-Za-z0-9_-]{20,200}$/;

/** The person and client behind a valid token for `resource`; null for any token that is not one. */
export async function verifyAccessToken({ token, resource }: { token: string; resource: string }): Promise<OauthCaller | null> {
  if (!shapeOfToken.test(token)) return null;
  const provider = await getProvider();
  const accessToken = await provider.AccessToken.find(token);
  if (!accessToken || accessToken.isExpired || !accessToken.grantId || !accessToken.accountId) return null;
  const audience = accessToken.aud;
  if (audience !== resource && !(Array.isArray(audience) && audience.length === 1 && audience[0] === resource)) return null;
  const db = await getDb();
  const grant = await findGrant(db, { grantId: accessToken.grantId });
  if (!grant || grant.userId !== accessToken.accountId) return null;
  if (!grant.lastUsedAt || Date.now() - grant.lastUsedAt.getTime() > touchIntervalMs) {
    void touchGrant(db, { grantId: grant.grantId }).catch((error: unknown) => console.warn("[oauth_server:grant] could not record use", String(error)));
  }
  return { userId: grant.userId, clientId: grant.clientId, clientName: grant.clientName, grantId: grant.grantId };
}
