// A client registered in Settings -> OAuth clients goes through the real authorization server (oidc-provider over
// our adapter): its sealed metadata is what the provider reads, its secret is checked the way it was registered,
// and deleting it ends what it was issued.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { answerConsent, loadConsent } from "@/server/authorization-server/consent";
import { resourceUrl } from "@/server/authorization-server/resource";
import { verifyAccessToken } from "@/server/authorization-server/verify-access-token";
import { getDb } from "@/server/db";
import { useEndpointHarness } from "../support/endpoint-harness";
import { callerAs, createOwner } from "../support/fixtures";
import { createPublishedApp } from "../support/published-app";
import { issueTokens, oauthRequest, pkcePair, resumeToClient, startAuthorization } from "../support/oauth-server-flow";

const h = useEndpointHarness();
const redirectUri = "http://127.0.0.1:8976/callback";

async function signInServer() {
  const published = await createPublishedApp(h.endpoint, h.llm);
  const code = published.url.split("/").at(-2)!;
  await (await getDb()).execute(sql`update published_servers set access_mode = 'sign_in' where app_id = ${published.app.id}`);
  return { ...published, resource: resourceUrl(code) };
}

/** Authorization up to the code, approved by `userId` (or remembered from an earlier approval). */
async function authorizationCode({ clientId, userId, resource }: { clientId: string; userId: string; resource: string }) {
  const { verifier, challenge } = pkcePair();
  const { jar, uid } = await startAuthorization({ clientId, redirectUri, resource, challenge });
  expect(uid, "the consent step").toBeTruthy();
  const view = await loadConsent({ uid: uid!, cookie: jar.header(), userId });
  expect(["ask", "done"]).toContain(view.kind);
  const redirectTo = view.kind === "done" ? view.redirectTo : await answerConsent({ uid: uid!, cookie: jar.header(), userId, approve: true });
  const back = await resumeToClient(jar, redirectTo!);
  return { code: back.searchParams.get("code")!, verifier };
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

describe("a pre-registered client with the real authorization server", () => {
  it("a confidential client gets tokens only with its secret in the Authorization header", async () => {
    const { user, caller, resource } = await signInServer();
    const client = await caller.oauthClients.create({ name: "Acme ChatGPT", redirectUris: [redirectUri], type: "confidential" });
    const { code, verifier } = await authorizationCode({ clientId: client.clientId, userId: user.id, resource });
    const form = { grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier, resource };

    const wrong = await oauthRequest("/oauth/token", { method: "POST", headers: { authorization: basic(client.clientId, "sy_secret_wrong") }, form });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: "invalid_client" });

    const { code: code2, verifier: verifier2 } = await authorizationCode({ clientId: client.clientId, userId: user.id, resource });
    const right = await oauthRequest("/oauth/token", {
      method: "POST",
      headers: { authorization: basic(client.clientId, client.clientSecret!) },
      form: { ...form, code: code2, code_verifier: verifier2 },
    });
    const body = (await right.json()) as { access_token: string };
    expect(right.status, JSON.stringify(body)).toBe(200);
    expect(await verifyAccessToken({ token: body.access_token, resource })).toMatchObject({ userId: user.id, clientId: client.clientId, clientName: "Acme ChatGPT" });
  });

  it("a client_secret_post client sends its secret in the body", async () => {
    const { user, caller, resource } = await signInServer();
    const client = await caller.oauthClients.create({ name: "Poster", redirectUris: [redirectUri], type: "confidential", secretMethod: "client_secret_post" });
    const { code, verifier } = await authorizationCode({ clientId: client.clientId, userId: user.id, resource });
    const token = await oauthRequest("/oauth/token", {
      method: "POST",
      form: { grant_type: "authorization_code", code, redirect_uri: redirectUri, code_verifier: verifier, resource, client_id: client.clientId, client_secret: client.clientSecret! },
    });
    expect(token.status, await token.clone().text()).toBe(200);
  });

  it("a public client signs in with PKCE alone, and deleting it stops its tokens and its next authorization", async () => {
    const { user, caller, resource } = await signInServer();
    const client = await caller.oauthClients.create({ name: "Team CLI", redirectUris: [redirectUri], type: "public" });
    const { accessToken } = await issueTokens({ userId: user.id, resource, clientId: client.clientId });
    expect(await verifyAccessToken({ token: accessToken, resource })).toMatchObject({ clientId: client.clientId });

    await caller.oauthClients.delete({ id: client.clientId });
    expect(await verifyAccessToken({ token: accessToken, resource })).toBeNull();
    const { uid, response } = await startAuthorization({ clientId: client.clientId, redirectUri, resource, challenge: pkcePair().challenge });
    expect(uid).toBeNull();
    expect(response.status).toBeGreaterThanOrEqual(400);
  });

  it("a client registered in another workspace cannot sign anyone in to this workspace's servers", async () => {
    const { user, resource } = await signInServer();
    const other = await createOwner("other-admin");
    const foreign = await callerAs(other.user.id, other.workspace.id).oauthClients.create({ name: "Elsewhere", redirectUris: [redirectUri], type: "public" });
    const { jar, uid } = await startAuthorization({ clientId: foreign.clientId, redirectUri, resource, challenge: pkcePair().challenge });
    expect(await loadConsent({ uid: uid!, cookie: jar.header(), userId: user.id })).toMatchObject({ kind: "refused", reason: "other_workspace" });
  });
});
