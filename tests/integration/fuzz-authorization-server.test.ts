// Property-based fuzzing of the authorization server we run for published endpoints: hostile authorization
// requests, token requests, registrations (RFC 7591), both metadata documents (RFC 8414, RFC 9728) and the consent
// route, with both kinds of resource (an app's server and the workspace server). Never a 5xx, never a stack, SQL,
// file path or secret in an answer; afterwards the tables hold nothing the hostile input left behind: only the
// clients that a valid registration created, every record sealed, no grant.
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerConsent, loadConsent } from "@/server/authorization-server/consent";
import { openSecret } from "@/server/crypto/secret-box";
import { getDb } from "@/server/db";
import { oauthServerClients, oauthServerGrants, oauthServerRecords } from "@/server/db/schema/oauth-server";
import { publishedServers } from "@/server/db/schema/published-servers";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { authorizationServerFetch } from "../support/authorization-server-http";
import { createOwner } from "../support/fixtures";
import { hostileValues, withHostileKeys } from "../support/hostile-json";
import { pkcePair, startAuthorization } from "../support/oauth-server-flow";
import { createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { signInWorkspaceServer } from "../support/sign-in-workspace-server";

const appUrl = process.env.APP_URL!.replace(/\/$/, "");
const redirectUri = "http://127.0.0.1:49152/callback";
let endpoint: TestEndpoint;
let llm: ScriptedLlm;
let code: string;
let resource: string;
let appId: string;
let workspaceId: string;
/** The workspace server's, in sign-in mode too: the resource lookup finds either kind. */
let workspace: { code: string; resource: string };
let ownerId: string;
let clientId: string;
let clientsBefore: number;
/** Registrations the server accepted (201): each may leave exactly one client row. */
let registered = 0;

const leaks = /\n\s+at |node_modules|\/work\/|\.ts:\d+|\bselect\b.+\bfrom\b|postgres|drizzle|TypeError|ReferenceError|Cannot read prop|undefined is not/i;

beforeAll(async () => {
  [endpoint, llm] = await Promise.all([startTestEndpoint(), startScriptedLlm({ fallback: { text: "Sunny." }, keepRequests: false })]);
  const { url, app, user } = await createPublishedApp(endpoint, llm);
  ownerId = user.id;
  code = /\/mcp\/server\/([^/]+)\/mcp/.exec(url)![1]!;
  resource = `${appUrl}/mcp/server/${code}/mcp`;
  appId = app.id;
  workspaceId = app.workspaceId;
  const db = await getDb();
  await db.update(publishedServers).set({ accessMode: "sign_in" }).where(eq(publishedServers.appId, appId));
  workspace = await signInWorkspaceServer(workspaceId);
  clientsBefore = await countClients();
  const registration = await send("POST", "/oauth/register", { json: { client_name: "Fuzz baseline", redirect_uris: [redirectUri], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"], response_types: ["code"] } });
  expect(registration.status, registration.text).toBe(201);
  registered++;
  clientId = JSON.parse(registration.text).client_id;
});
afterAll(async () => {
  await settleCallLogs();
  await Promise.all([endpoint?.close(), llm?.close()]);
});

async function countClients() {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(oauthServerClients);
  return row!.n;
}

type Body = { json: unknown } | { form: Record<string, string | undefined> } | { raw: string; type: string } | undefined;

async function send(method: string, path: string, body?: Body, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (method === "GET" || method === "HEAD") body = undefined;
  if (body && "json" in body) init.body = JSON.stringify(body.json);
  if (body && "form" in body) init.body = new URLSearchParams(Object.entries(body.form).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  if (body && "raw" in body) init.body = body.raw;
  const type = body && ("json" in body ? "application/json" : "form" in body ? "application/x-www-form-urlencoded" : body.type);
  if (type) (init.headers as Record<string, string>)["content-type"] ??= type;
  const response = await authorizationServerFetch(new Request(`${appUrl}${path}`, init));
  return { status: response.status, text: await response.text(), headers: response.headers };
}

function expectSound(answer: { status: number; text: string }, what: string) {
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  expect(answer.text, what).not.toMatch(leaks);
}

const odd = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom("", "%00", "\u0000", "null", "undefined", "<script>alert(1)</script>", "x".repeat(5_000), "../../etc/passwd", "' or 1=1 --", "javascript:alert(1)", "data:text/html,hi"),
);
const anyJson = fc.oneof({ weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: withHostileKeys(fc.jsonValue({ maxDepth: 2 })) });
const aUri = fc.oneof(
  odd,
  fc.constantFrom(redirectUri, `${redirectUri}?x=1`, `${redirectUri}#frag`, "http://evil.example/cb", "https://evil.example/cb", "cursor://anysphere.cursor-deeplink/cb", "javascript:alert(1)", "file:///etc/passwd", "http://user:pw@127.0.0.1/cb", "https://", "HTTP://127.0.0.1:1/CB"),
  fc.webUrl(),
);
const aClientId = () => fc.oneof(odd, fc.constant(clientId), fc.constantFrom("https://127.0.0.1:1/client.json", "https://127.0.0.1:1/", "http://127.0.0.1:1/client.json", "https://[::1]:1/c", "https://localhost:1/c#x"));
const aResource = () => fc.oneof(odd, fc.constantFrom(resource, workspace.resource), fc.constantFrom(`${appUrl}/mcp/server/${"A".repeat(43)}/mcp`, `${appUrl}/`, `${appUrl}/mcp/server/../../etc/mcp`, "https://evil.example/mcp"), fc.webUrl());

/** `valid` with at most two of the fields of `changed` (none, sometimes) put in: mostly valid, broken in one place. */
function withSomeOf<T extends object>(valid: T, changed: Record<string, unknown>) {
  return fc.subarray(Object.keys(changed), { maxLength: 2 }).map((keys) => ({ ...valid, ...Object.fromEntries(keys.map((key) => [key, changed[key]])) }));
}

describe("fuzzing the authorization server", () => {
  it("answers 1,500 hostile authorization requests (GET and POST) without a 5xx or a leak", { timeout: 300_000 }, async () => {
    const params = fc.record(
      {
        response_type: fc.oneof(fc.constantFrom("code", "token", "id_token", "code id_token", "none"), odd),
        client_id: fc.oneof(aClientId()),
        redirect_uri: aUri,
        code_challenge: fc.oneof(fc.constant("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"), odd),
        code_challenge_method: fc.oneof(fc.constantFrom("S256", "plain", "s256"), odd),
        resource: aResource(),
        scope: fc.oneof(fc.constantFrom("mcp", "openid", "offline_access", "mcp openid offline_access"), odd),
        state: odd,
        prompt: fc.oneof(fc.constantFrom("none", "login", "consent", "create"), odd),
        response_mode: fc.oneof(fc.constantFrom("query", "fragment", "form_post", "web_message"), odd),
        request: odd,
        request_uri: fc.oneof(odd, fc.constant("urn:ietf:params:oauth:request_uri:abc")),
        nonce: odd,
        max_age: odd,
      },
      { requiredKeys: [] },
    );
    // Half the cases are a valid request with some fields replaced, so they get past the first check and reach the
    // client lookup, the redirect rule, PKCE, the resource check and the interaction (a redirect to consent).
    const valid = { response_type: "code", client_id: clientId, redirect_uri: redirectUri, code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", code_challenge_method: "S256", resource, scope: "mcp", state: "s" };
    const request = fc.oneof(params, params.chain((changed) => withSomeOf(valid, changed)));
    let toConsent = 0;
    await fc.assert(
      fc.asyncProperty(request, fc.boolean(), async (given, asPost) => {
        const fields = Object.fromEntries(Object.entries(given).filter((e): e is [string, string] => typeof e[1] === "string"));
        const answer = asPost ? await send("POST", "/oauth/authorize", { form: fields }) : await send("GET", `/oauth/authorize?${new URLSearchParams(fields)}`);
        expectSound(answer, "authorize");
        if (/\/oauth\/consent\//.test(answer.headers.get("location") ?? "")) toConsent++;
      }),
      { numRuns: 1_500 },
    );
    expect(toConsent, "some hostile requests were valid enough to reach the consent step").toBeGreaterThan(0);
  });

  it("answers 1,500 hostile token requests without a 5xx or a leak, and issues no token", { timeout: 300_000 }, async () => {
    const form = fc.record(
      {
        grant_type: fc.oneof(fc.constantFrom("authorization_code", "refresh_token", "client_credentials", "password", "urn:ietf:params:oauth:grant-type:device_code", "urn:ietf:params:oauth:grant-type:token-exchange"), odd),
        code: odd,
        code_verifier: fc.oneof(odd, fc.constant("dBjftJeZ4CVP-mJ92K9qNLQHFJ6Z2cX0oaxtpkYYFQc")),
        redirect_uri: aUri,
        client_id: aClientId(),
        client_secret: odd,
        refresh_token: odd,
        resource: aResource(),
        scope: odd,
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      { weight: 6, arbitrary: form.map((f): Body => ({ form: f })) },
      { weight: 1, arbitrary: anyJson.map((json): Body => ({ json })) },
      { weight: 1, arbitrary: fc.constantFrom(...Object.values(hostileValues)).map((raw): Body => ({ raw, type: "application/json" })) },
      { weight: 1, arbitrary: odd.map((raw): Body => ({ raw, type: "application/x-www-form-urlencoded" })) },
    );
    // Header values are bytes: what cannot go on the wire is replaced, as any HTTP client would have to.
    const onTheWire = (s: string) => s.replace(/[^\x20-\xff]/g, "?");
    const authorization = fc.option(fc.oneof(odd.map((s) => `Basic ${Buffer.from(s).toString("base64")}`), odd.map((s) => `Bearer ${onTheWire(s)}`), odd.map(onTheWire)), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(body, authorization, async (given, auth) => {
        const answer = await send("POST", "/oauth/token", given, auth ? { authorization: auth } : {});
        expectSound(answer, "token");
        expect(answer.text, "a token for nothing").not.toMatch(/"access_token"/);
      }),
      { numRuns: 1_500 },
    );
  });

  it("answers 800 hostile registrations without a 5xx or a leak", { timeout: 300_000 }, async () => {
    const metadata = fc.record(
      {
        client_name: fc.oneof(odd, anyJson),
        redirect_uris: fc.oneof(fc.array(aUri, { maxLength: 5 }), anyJson),
        grant_types: fc.oneof(fc.array(fc.constantFrom("authorization_code", "refresh_token", "client_credentials", "implicit", "password"), { maxLength: 4 }), anyJson),
        response_types: fc.oneof(fc.array(fc.constantFrom("code", "token", "id_token"), { maxLength: 3 }), anyJson),
        token_endpoint_auth_method: fc.oneof(fc.constantFrom("none", "client_secret_basic", "client_secret_post", "private_key_jwt"), odd),
        logo_uri: aUri,
        client_uri: aUri,
        jwks: anyJson,
        jwks_uri: aUri,
        software_statement: odd,
        scope: odd,
        client_id: odd,
        client_secret: odd,
      },
      { requiredKeys: [] },
    );
    const valid = { client_name: "Fuzzed", redirect_uris: [redirectUri], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"], response_types: ["code"] };
    const body = fc.oneof(
      { weight: 3, arbitrary: metadata.map((json): Body => ({ json })) },
      { weight: 3, arbitrary: metadata.chain((changed) => withSomeOf(valid, changed)).map((json): Body => ({ json })) },
      { weight: 1, arbitrary: withHostileKeys(anyJson).map((json): Body => ({ json })) },
      { weight: 1, arbitrary: fc.constantFrom(...Object.values(hostileValues), "", "{", "[]", "null").map((raw): Body => ({ raw, type: "application/json" })) },
      { weight: 1, arbitrary: odd.map((raw): Body => ({ raw, type: "text/plain" })) },
    );
    await fc.assert(
      fc.asyncProperty(body, async (given) => {
        const answer = await send("POST", "/oauth/register", given);
        expectSound(answer, "register");
        if (answer.status === 201) registered++;
      }),
      { numRuns: 800 },
    );
    expect(registered, "some hostile registrations were valid ones").toBeGreaterThan(1);
  });

  it("answers odd requests for both metadata documents with the documents or a 4xx, never a 5xx", { timeout: 120_000 }, async () => {
    const path = fc.oneof(
      fc.constantFrom(
        "/.well-known/oauth-authorization-server",
        "/.well-known/openid-configuration",
        `/.well-known/oauth-protected-resource/mcp/server/${code}/mcp`,
        `/.well-known/oauth-protected-resource/mcp/server/${workspace.code}/mcp`,
      ),
      odd.map((s) => `/.well-known/oauth-protected-resource/mcp/server/${encodeURIComponent(s)}/mcp`),
      odd.map((s) => `/.well-known/oauth-authorization-server/${encodeURIComponent(s)}`),
    );
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom("GET", "HEAD", "OPTIONS", "POST"), odd, async (where, method, q) => {
        const answer = await send(method, `${where}?x=${encodeURIComponent(q)}`, method === "POST" ? { raw: q, type: "application/json" } : undefined, { origin: "https://claude.ai" });
        expectSound(answer, `${method} ${where}`);
      }),
      { numRuns: 600 },
    );
    // The real ones still answer as the specs say.
    const server = JSON.parse((await send("GET", "/.well-known/oauth-authorization-server")).text);
    expect(server.issuer).toBe(appUrl);
    expect(server.code_challenge_methods_supported).toEqual(["S256"]);
    const protectedResource = JSON.parse((await send("GET", `/.well-known/oauth-protected-resource/mcp/server/${code}/mcp`)).text);
    expect(protectedResource.resource).toBe(resource);
    const ofWorkspace = JSON.parse((await send("GET", `/.well-known/oauth-protected-resource/mcp/server/${workspace.code}/mcp`)).text);
    expect(ofWorkspace.resource).toBe(workspace.resource);
  });

  // The consent page is a page with server actions, not a route: its two entry points (what the page loads and what
  // Allow / Deny post) get odd and real interaction ids, odd, mismatched and real cookies, and people who may not
  // approve (a member of another workspace, made-up ids). Never a throw; never a grant.
  it("answers odd consent requests with a refusal or the page, never a throw, and grants nothing", { timeout: 120_000 }, async () => {
    const { user: stranger } = await createOwner("stranger");
    const started = await Promise.all(
      Array.from({ length: 6 }, (_, i) => startAuthorization({ clientId, redirectUri, resource: i % 2 ? workspace.resource : resource, challenge: pkcePair().challenge })),
    );
    const real = started.map(({ uid, jar }) => ({ uid: uid!, cookie: jar.header() }));
    expect(real.every((r) => r.uid)).toBe(true);
    const uid = fc.oneof(odd, fc.stringMatching(/^[A-Za-z0-9_-]{21}$/), fc.nat(real.length - 1).map((i) => real[i]!.uid));
    const cookie = fc.oneof(odd, odd.map((v) => `_interaction=${v}; _interaction.sig=${v}`), fc.constant(""), fc.nat(real.length - 1).map((i) => real[i]!.cookie));
    const userId = fc.oneof(fc.constant(stranger.id), odd);
    const kinds = ["expired", "refused", "ask", "done"];
    await fc.assert(
      fc.asyncProperty(uid, cookie, userId, fc.constantFrom("load", "allow", "deny"), async (id, jar, who, step) => {
        if (step === "load") expect(kinds).toContain((await loadConsent({ uid: id, cookie: jar, userId: who })).kind);
        else {
          const redirectTo = await answerConsent({ uid: id, cookie: jar, userId: who, approve: step === "allow" });
          // Back to the client only with an error: nobody here may approve.
          if (redirectTo !== null) expect(redirectTo).not.toMatch(/[?&]code=/);
        }
      }),
      { numRuns: 400 },
    );
    // The owner, on a real interaction of their own browser, is asked (the interactions above were not spoiled for them
    // unless someone answered them first).
    for (const target of [resource, workspace.resource]) {
      const untouched = await startAuthorization({ clientId, redirectUri, resource: target, challenge: pkcePair().challenge });
      expect((await loadConsent({ uid: untouched.uid!, cookie: untouched.jar.header(), userId: ownerId })).kind).toBe("ask");
    }
  });

  it("leaves only what valid registrations created, everything sealed, and no grant", async () => {
    const db = await getDb();
    expect(await countClients()).toBe(clientsBefore + registered);
    for (const client of await db.select().from(oauthServerClients)) {
      const metadata = JSON.parse(openSecret(client.metadataCiphertext, `oauth_server_clients:${client.clientId}`));
      expect(typeof metadata).toBe("object");
      expect(client.metadataCiphertext).not.toMatch(/redirect_uris|client_name|https?:\/\//);
    }
    for (const record of await db.select().from(oauthServerRecords)) {
      // Ids are hashes, except the provider's own signing key, which is no token anyone presents.
      if (record.model !== "SigningKey") expect(record.id).toMatch(/^[A-Za-z]+:[0-9a-f]{64}$/);
      expect(() => openSecret(record.payloadCiphertext, `oauth_server_records:${record.id}`)).not.toThrow();
      expect(record.payloadCiphertext).not.toMatch(/"(accountId|clientId|grantId)"/);
    }
    // Neither the app's server nor the workspace server (app_id null) got one.
    expect(await db.select().from(oauthServerGrants).where(eq(oauthServerGrants.workspaceId, workspaceId))).toEqual([]);
  });
});
