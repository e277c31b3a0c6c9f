// The three access modes of a published server at its endpoint: "Anyone with the URL", "API key" and "Switchyard
// sign-in" (tokens: published-server-sign-in.test.ts), a switch that takes effect at the next request on every
// instance, and the RFC 9728 metadata that only a sign-in server has.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as metadataRoute, OPTIONS as metadataPreflightRoute } from "@/app/.well-known/oauth-protected-resource/mcp/server/[code]/mcp/route";
import { protectedResourceMetadata, protectedResourcePreflight } from "@/server/authorization-server/protected-resource-metadata";
import { getDb } from "@/server/db";
import { getKv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";
import { setAccessMode } from "../support/access-mode";
import { useEndpointHarness } from "../support/endpoint-harness";
import { createPublishedApp } from "../support/published-app";
import { postPing as post } from "../support/post-message";

const h = useEndpointHarness();


const codeOf = (url: string) => new URL(url).pathname.split("/")[3]!;
const metadataUrlOf = (code: string) => `http://localhost:3000/.well-known/oauth-protected-resource/mcp/server/${code}/mcp`;

describe("Anyone with the URL", () => {
  it("lets every caller in and ignores whatever bearer token comes with the request", async () => {
    const { url, app, workspace } = await createPublishedApp(h.endpoint, h.llm);
    expect((await post(url)).status).toBe(200);
    expect((await post(url, { authorization: "Bearer sym_made_up" })).status).toBe(200);
    expect((await post(url, { authorization: "Bearer not-even-a-key" })).status).toBe(200);
    // A server that had keys and went back to the URL alone: its keys neither help nor hurt.
    await setAccessMode({ workspaceId: workspace.id, appId: app.id }, "api_key");
    expect((await post(url)).status).toBe(401);
    await setAccessMode({ workspaceId: workspace.id, appId: app.id }, "url");
    expect((await post(url, { authorization: "Bearer sym_made_up" })).status).toBe(200);
  });
});

describe("API key", () => {
  it("refuses a call without a key or with a wrong one (401 naming the header) and serves one with a key", async () => {
    const { url, caller, app, workspace } = await createPublishedApp(h.endpoint, h.llm);
    await setAccessMode({ workspaceId: workspace.id, appId: app.id }, "api_key");
    const { key } = await caller.publishedServers.createKey({ appId: app.id, name: "ci" });
    const without = await post(url);
    expect(without.status).toBe(401);
    expect(without.headers.get("www-authenticate")).toBe('Bearer realm="mcp"');
    expect((await without.json()).error).toEqual({ code: -32001, message: "Unauthorized: this server needs an API key (Authorization: Bearer <key>)." });
    const wrong = await post(url, { authorization: "Bearer sym_wrong" });
    expect(wrong.headers.get("www-authenticate")).toBe('Bearer realm="mcp", error="invalid_token"');
    expect((await post(url, { authorization: `Bearer ${key}` })).status).toBe(200);
    // GET and DELETE too: who may call is decided before the method, so a probe learns it needs a key.
    expect((await fetch(url, { headers: { accept: "text/event-stream" } })).status).toBe(401);
    expect((await fetch(url, { headers: { accept: "text/event-stream", authorization: `Bearer ${key}` } })).status).toBe(405);
  });

  it("an API-key server without any key refuses everyone until one is made; a key made in another mode opens nothing", async () => {
    const { url, caller, app, workspace } = await createPublishedApp(h.endpoint, h.llm);
    const { key } = await caller.publishedServers.createKey({ appId: app.id, name: "made early" });
    await setAccessMode({ workspaceId: workspace.id, appId: app.id }, "sign_in");
    expect((await post(url, { authorization: `Bearer ${key}` })).status).toBe(401);
    await caller.publishedServers.revokeKey({ appId: app.id, id: (await caller.publishedServers.listKeys({ appId: app.id }))[0]!.id });
    await setAccessMode({ workspaceId: workspace.id, appId: app.id }, "api_key");
    expect((await post(url)).status).toBe(401);
    const fresh = await caller.publishedServers.createKey({ appId: app.id, name: "first" });
    expect((await post(url, { authorization: `Bearer ${fresh.key}` })).status).toBe(200);
  });
});

describe("Switchyard sign-in without a token", () => {
  it("answers 401 with exactly the challenge that points MCP clients at the endpoint's protected resource metadata", async () => {
    const { url, app, workspace } = await createPublishedApp(h.endpoint, h.llm);
    await setAccessMode({ workspaceId: workspace.id, appId: app.id }, "sign_in");
    const response = await post(url);
    expect(response.status).toBe(401);
    // RFC 9728 §5.1 and RFC 6750 §3: no error attribute when no token was sent.
    expect(response.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${metadataUrlOf(codeOf(url))}", scope="mcp"`);
    expect((await response.json()).error.message).toMatch(/^Unauthorized: this server needs you to sign in with your Switchyard account/);
    // A key of the server is no token: it does not open a sign-in server.
    expect((await fetch(url, { headers: { accept: "text/event-stream" } })).status).toBe(401);
  });
});

describe("switching the mode", () => {
  it("takes effect at the next request, cached row or not", async () => {
    const { url, app, workspace } = await createPublishedApp(h.endpoint, h.llm);
    const ref = { workspaceId: workspace.id, appId: app.id };
    await post(url);
    expect((await post(url)).status).toBe(200); // cached from here on
    await setAccessMode(ref, "sign_in");
    expect((await post(url)).status).toBe(401);
    await setAccessMode(ref, "api_key");
    expect((await post(url)).headers.get("www-authenticate")).toBe('Bearer realm="mcp"');
    await setAccessMode(ref, "url");
    expect((await post(url)).status).toBe(200);
  });

  it("a switch another instance makes (its write, then its announcement) is seen here at the next request", async () => {
    const { url, app } = await createPublishedApp(h.endpoint, h.llm);
    await post(url);
    expect((await post(url)).status).toBe(200);
    await (await getDb()).execute(sql`update published_servers set access_mode = 'sign_in' where app_id = ${app.id}`);
    // Unannounced, this instance's cached row still serves: the announcement is what carries the switch.
    expect((await post(url)).status).toBe(200);
    await getKv().set(kvKeys.endpointGeneration(app.id), crypto.randomUUID());
    expect((await post(url)).status).toBe(401);
  });

  it("sign-in callers' tokens do not each cost a cached row: a sign-in server is served from one entry", async () => {
    const { url, app, workspace } = await createPublishedApp(h.endpoint, h.llm);
    await setAccessMode({ workspaceId: workspace.id, appId: app.id }, "sign_in");
    await post(url);
    await post(url); // cached from here on, under the key-less entry
    await (await getDb()).execute(sql`update published_servers set access_mode = 'url' where app_id = ${app.id}`);
    // Any bearer finds the same cached (sign-in) row, until the switch is announced.
    expect((await post(url, { authorization: "Bearer some-made-up-token-of-a-caller" })).status).toBe(401);
    await getKv().set(kvKeys.endpointGeneration(app.id), crypto.randomUUID());
    expect((await post(url, { authorization: "Bearer some-made-up-token-of-a-caller" })).status).toBe(200);
  });
});

describe("protected resource metadata (RFC 9728)", () => {
  it("a sign-in server's document names its resource, our authorization server, the scope and the app", async () => {
    const { url, app, workspace } = await createPublishedApp(h.endpoint, h.llm, { name: "Trip planner" });
    await setAccessMode({ workspaceId: workspace.id, appId: app.id }, "sign_in");
    const code = codeOf(url);
    const response = await protectedResourceMetadata(code);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual({
      resource: `http://localhost:3000/mcp/server/${code}/mcp`,
      authorization_servers: ["http://localhost:3000"],
      scopes_supported: ["mcp"],
      bearer_methods_supported: ["header"],
      resource_name: "Trip planner",
    });
    // Served where the 401 says it is (the test endpoint mounts it as the Next route does).
    const served = await fetch(new URL(new URL(metadataUrlOf(code)).pathname, h.endpoint.origin));
    expect((await served.json()).resource).toBe(`http://localhost:3000/mcp/server/${code}/mcp`);
    // And through the Next route handler itself.
    const viaRoute = await metadataRoute(new Request(metadataUrlOf(code)), { params: Promise.resolve({ code }) });
    expect((await viaRoute.json()).resource_name).toBe("Trip planner");
    expect(metadataPreflightRoute().status).toBe(204);
    const preflight = protectedResourcePreflight();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
  });

  it("every other code gets the same 404: URL and API-key servers, a disabled server, unknown and malformed codes", async () => {
    const { url, caller, app, workspace } = await createPublishedApp(h.endpoint, h.llm);
    const code = codeOf(url);
    const notFound = async (c: string) => {
      const response = await protectedResourceMetadata(c);
      expect(response.status).toBe(404);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      return (await response.json()).code;
    };
    expect(await notFound(code)).toBe("not_found:protected_resource");
    await setAccessMode({ workspaceId: workspace.id, appId: app.id }, "api_key");
    await notFound(code);
    await setAccessMode({ workspaceId: workspace.id, appId: app.id }, "sign_in");
    expect((await protectedResourceMetadata(code)).status).toBe(200);
    await caller.publishedServers.disable({ appId: app.id });
    await notFound(code);
    await notFound("A".repeat(32));
    await notFound("../../etc");
  });
});
