// The published endpoint's check of a Bearer token in "Switchyard sign-in" mode: issued by us, unexpired, not
// revoked, and for this endpoint's resource (RFC 8707; no token passthrough: a token for another server is refused).
import "server-only";

export interface OauthCaller {
  userId: string;
  clientId: string;
  clientName: string;
  grantId: string;
}

/** The person and client behind a valid token for `resource`; null for any token that is not one. */
export async function verifyAccessToken({ token, resource }: { token: string; resource: string }): Promise<OauthCaller | null> {
  void token;
  void resource;
  throw new Error("verifyAccessToken: not implemented yet (being written on main)");
}
