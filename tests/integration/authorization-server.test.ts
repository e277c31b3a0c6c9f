// Our authorization server end to end in-process: metadata, registration, PKCE, resource binding, iss, consent,
// refresh rotation with replay revocation, and tokens only as hashes at rest.
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { removeExpiredAuthorizationState } from "@/server/authorization-server/cleanup";
import { answerConsent, loadConsent } from "@/server/authorization-server/consent";
import { authorizationServerMetadata } from "@/server/authorization-server/metadata";
import { resourceUrl } from "@/server/authorization-server/resource";
import { verifyAccessToken } from "@/server/authorization-server/verify-access-token";
import { getDb } from "@/server/db";
import { oauthServerClients, oauthServerGrants, oauthServerRecords } from "@/server/db/schema";
import { createOwner } from "../support/fixtures";
import { createPublishedApp } from "../support/published-app";
import { useEndpointHarness } from "../support/endpoint-harness";
import { issueTokens, oauthRequest, pkcePair, registerClient, resumeToClient, startAuthorization } from "../support/oauth-server-flow";

const h = useEndpointHarness();

async function signInServer() {
  const published = await createPublishedApp(h.endpoint, h.llm);
  const code = published.url.split("/").at(-2)!;
  await (await getDb()).execute(sql`update published_servers set access_mode = 'sign_in' where app_id = ${published.app.id}`);
  return { ...published, code, resource: resourceUrl(code) };
}

describe("the authorization server's metadata", () => {
  it("states what MCP clients look for (RFC 8414)", async () => {
    const metadata = await authorizationServerMetadata();
    expect(metadata).toMatchObject({
      issuer: "http://localhost:3000",
      authorization_endpoint: "http://localhost:3000/oauth/authorize",
      token_endpoint: "http://localhost:3000/oauth/token",
      registration_endpoint: "http://localhost:3000/oauth/register",
      code_challenge_methods_supported: ["S256"],
      authorization_response_iss_parameter_supported: true,
      client_id_metadata_document_supported: true,
    });
    expect(metadata.token_endpoint_auth_methods_supported).toContain("none");
  });
});

describe("authorizing a client for one published server", () => {
  it("issues a token bound to that server's resource, with iss in the redirect, and stores only hashes", async () => {
    const { user, resource } = await signInServer();
    const { accessToken, refreshToken, redirectBack } = await issueTokens({ userId: user.id, resource });
    expect(redirectBack.searchParams.get("iss")).toBe("http://localhost:3000");
    expect(redirectBack.searchParams.get("state")).toBe("s1");
    expect(await verifyAccessToken({ token: accessToken, resource })).toMatchObject({ userId: user.id, clientName: "Test client" });

    const dump = JSON.stringify(await (await getDb()).execute(sql`select * from oauth_server_records`));
    expect(dump).not.toContain(accessToken);
    expect(dump).not.toContain(refreshToken);
    expect(dump).not.toContain(resource);
  });

  it("a token issued for one server is refused by another", async () => {
    const first = await signInServer();
    const second = await signInServer();
    const { accessToken } = await issueTokens({ userId: first.user.id, resource: first.resource });
    expect(await verifyAccessToken({ token: accessToken, resource: second.resource })).toBeNull();
  });

  it("an authorization without resource, without PKCE or for a server not in sign-in mode is refused", async () => {
    const { resource } = await signInServer();
    const { client_id } = await registerClient();
    const { challenge } = pkcePair();
    const redirectUri = "http://127.0.0.1:8976/callback";
    const noResource = await startAuthorization({ clientId: client_id, redirectUri, challenge });
    expect(noResource.location).toContain("error=invalid_target");
    expect(noResource.location).toContain("iss=");

    const query = new URLSearchParams({ client_id, redirect_uri: redirectUri, response_type: "code", resource, scope: "mcp" });
    const noPkce = await oauthRequest(`/oauth/authorize?${query}`);
    expect(noPkce.headers.get("location")).toContain("error=invalid_request");

    const other = await createPublishedApp(h.endpoint, h.llm);
    const otherResource = resourceUrl(other.url.split("/").at(-2)!);
    const urlMode = await startAuthorization({ clientId: client_id, redirectUri, challenge, resource: otherResource });
    expect(urlMode.location).toContain("error=invalid_target");
    expect(new URL(urlMode.location).searchParams.get("error_description")).toMatch(/needs no sign-in/);
    // mcp-remote starts OAuth on any 401: an API-key server's users learn here what it wants instead.
    await (await getDb()).execute(sql`update published_servers set access_mode = 'api_key' where app_id = ${other.app.id}`);
    const keyMode = await startAuthorization({ clientId: client_id, redirectUri, challenge, resource: otherResource });
    expect(new URL(keyMode.location).searchParams.get("error_description")).toMatch(/needs an API key.*Authorization: Bearer/);
  });

  it("refresh tokens rotate, and a replayed one revokes the whole grant", async () => {
    const { user, resource } = await signInServer();
    const { clientId, refreshToken } = await issueTokens({ userId: user.id, resource });
    const refresh = (token: string) => oauthRequest("/oauth/token", { method: "POST", form: { grant_type: "refresh_token", refresh_token: token, client_id: clientId, resource } });
    const first = await refresh(refreshToken);
    expect(first.status).toBe(200);
    const rotated = (await first.json()) as { access_token: string; refresh_token: string };
    expect(rotated.refresh_token).not.toBe(refreshToken);
    expect(await verifyAccessToken({ token: rotated.access_token, resource })).not.toBeNull();

    const replay = await refresh(refreshToken);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: "invalid_grant" });
    expect(await verifyAccessToken({ token: rotated.access_token, resource })).toBeNull();
    expect((await refresh(rotated.refresh_token)).status).toBe(400);
  });

  it("consent is remembered for the same person, client and server", async () => {
    const { user, resource } = await signInServer();
    const { clientId } = await issueTokens({ userId: user.id, resource });
    const again = await issueTokens({ userId: user.id, resource, clientId });
    expect(again.accessToken).toBeTruthy();
  });
});

describe("client registration", () => {
  it("refuses http redirect URIs that are not loopback, and script schemes", async () => {
    for (const uri of ["http://example.com/cb", "javascript:alert(1)", "https://example.com/cb#frag"]) {
      const response = await oauthRequest("/oauth/register", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ redirect_uris: [uri] }) });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "invalid_redirect_uri" });
    }
  });
});

describe("what is left behind", () => {
  it("a registration nobody approves expires, and expired records are removed; an approved client stays", async () => {
    const { user, resource } = await signInServer();
    const unused = await registerClient({ client_name: "Never used" });
    const { clientId } = await issueTokens({ userId: user.id, resource });
    const db = await getDb();
    const [approved] = await db.select().from(oauthServerClients).where(eq(oauthServerClients.clientId, clientId));
    expect(approved!.expiresAt).toBeNull();
    // Other test files share this database: only rows of this test are moved into the past.
    const past = new Date(Date.now() - 1000);
    await db.update(oauthServerClients).set({ expiresAt: past }).where(eq(oauthServerClients.clientId, unused.client_id));
    await db.insert(oauthServerRecords).values({ id: "Session:expired-by-test", model: "Session", payloadCiphertext: "x", expiresAt: past });
    await removeExpiredAuthorizationState();
    const clients = await db.select({ clientId: oauthServerClients.clientId }).from(oauthServerClients).where(inArray(oauthServerClients.clientId, [unused.client_id, clientId]));
    expect(clients).toEqual([{ clientId }]);
    expect(await db.select().from(oauthServerRecords).where(eq(oauthServerRecords.id, "Session:expired-by-test"))).toEqual([]);
  });
});

describe("who may approve", () => {
  it("a person outside the server's workspace is refused at consent, and an approval is not possible", async () => {
    const { resource } = await signInServer();
    const { user: outsider } = await createOwner("outsider");
    const { client_id } = await registerClient();
    const { challenge } = pkcePair();
    const { jar, uid } = await startAuthorization({ clientId: client_id, redirectUri: "http://127.0.0.1:8976/callback", resource, challenge });
    expect(await loadConsent({ uid: uid!, cookie: jar.header(), userId: outsider.id })).toMatchObject({ kind: "refused", reason: "not_member" });
    const redirect = await answerConsent({ uid: uid!, cookie: jar.header(), userId: outsider.id, approve: true });
    const back = await resumeToClient(jar, redirect!);
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(await (await getDb()).select().from(oauthServerGrants).where(eq(oauthServerGrants.userId, outsider.id))).toEqual([]);
  });

  it("a consent page opened without the browser's interaction cookie shows as expired", async () => {
    const { user, resource } = await signInServer();
    const { client_id } = await registerClient();
    const { uid } = await startAuthorization({ clientId: client_id, redirectUri: "http://127.0.0.1:8976/callback", resource, challenge: pkcePair().challenge });
    expect(await loadConsent({ uid: uid!, cookie: "", userId: user.id })).toEqual({ kind: "expired" });
  });
});
