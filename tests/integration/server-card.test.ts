// MCP Server Cards (SEP-2127): the deployment's card and each server's, read through the route handlers as a
// registry would, for both kinds of server and each access mode; a change shows at once, and no code leaks a card.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GET as deploymentRoute, OPTIONS as deploymentPreflight } from "@/app/.well-known/mcp/server-card.json/route";
import { GET as sepAddressRoute } from "@/app/.well-known/mcp/server-card/route";
import { GET as serverRoute, OPTIONS as serverPreflight } from "@/app/.well-known/mcp/server-card/[code]/route";
import { useEndpointHarness } from "../support/endpoint-harness";
import { createPublishedApp } from "../support/published-app";

const h = useEndpointHarness();
const appUrl = process.env.APP_URL!;
const codeOf = (url: string) => /\/mcp\/server\/([^/]+)\/mcp/.exec(url)![1]!;
const publicUrl = (code: string) => new URL(`/mcp/server/${code}/mcp`, appUrl).toString();

async function card(code: string) {
  const response = await serverRoute(new Request(`${appUrl}/.well-known/mcp/server-card/${code}`), { params: Promise.resolve({ code }) } as never);
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe("the deployment's card", () => {
  it("names the deployment, the protocol versions and capabilities, and lists no server", async () => {
    for (const route of [deploymentRoute, sepAddressRoute]) {
      const response = route();
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      const body = await response.json();
      expect(body).toMatchObject({ name: expect.stringMatching(/^[a-z0-9.-]+\/switchyard$/), title: "Switchyard", version: expect.any(String), remotes: [] });
      expect(body._meta.supportedProtocolVersions).toEqual(expect.arrayContaining(["2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26"]));
      expect(body.capabilities.tools).toEqual({ listChanged: true });
      expect(JSON.stringify(body)).not.toContain("/mcp/server/");
    }
    const preflight = deploymentPreflight();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, OPTIONS");
  });
});

describe("a server's card", () => {
  it("an app server open to anyone with the URL shows its remote, capabilities, and its tool with annotations and icon", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const code = codeOf(url);
    const { status, body, headers } = await card(code);
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("no-cache");
    expect(body).toMatchObject({ name: expect.stringMatching(/\/weather_helper$/), title: "Weather helper", version: "1", description: "Answers weather questions." });
    expect(body.remotes).toEqual([
      { type: "streamable-http", url: publicUrl(code), supportedProtocolVersions: expect.arrayContaining(["2026-07-28", "2025-11-25"]), authentication: { required: false, schemes: [] } },
    ]);
    expect(body.capabilities).toMatchObject({ tools: { listChanged: false }, tasks: expect.any(Object) });
    expect(body.tools).toHaveLength(1);
    expect(body.tools[0]).toMatchObject({
      name: "weather_helper",
      annotations: { readOnlyHint: true, destructiveHint: false },
      icons: [{ src: expect.stringMatching(/\/mcp\/icons\/[0-9A-Fa-f]{6}\/[A-Za-z0-9_-]+\.svg$/), mimeType: "image/svg+xml" }],
    });
    expect(body.icons).toEqual(body.tools[0].icons);
    expect((await serverPreflight()).status).toBe(204);
  });

  it("a sign-in or key server says what it requires and shows no tools to callers without credentials", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const code = codeOf(url);
    await caller.publishedServers.setAccess({ appId: app.id, mode: "sign_in" });
    let { body } = await card(code);
    expect(body.remotes[0].authentication).toEqual({ required: true, schemes: ["oauth2"] });
    expect(body.tools).toBeUndefined();
    await caller.publishedServers.setAccess({ appId: app.id, mode: "api_key" });
    ({ body } = await card(code));
    expect(body.remotes[0].authentication).toEqual({ required: true, schemes: ["bearer"] });
    expect(body.tools).toBeUndefined();
  });

  it("the workspace server's card lists its included apps and says its tools change", async () => {
    const { caller, app } = await createPublishedApp(h.endpoint, h.llm, { name: "Trip helper" });
    const { url } = await caller.workspaceServer.enable();
    await caller.workspaceServer.setIncluded({ appId: app.id, included: true });
    const { status, body } = await card(codeOf(url));
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: expect.stringMatching(/\/switchyard-workspace$/), capabilities: { tools: { listChanged: true } } });
    expect(body.capabilities.tasks).toBeUndefined();
    expect(body.remotes[0].url).toBe(publicUrl(codeOf(url)));
    expect(body.tools.map((t: { name: string }) => t.name)).toEqual(["weather_helper"]);

    await caller.workspaceServer.setIncluded({ appId: app.id, included: false });
    expect((await card(codeOf(url))).body.tools).toEqual([]);
  });

  it("follows a change at once: new annotations, a new tool name, then Disable (404) and Regenerate (the old code 404s)", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const code = codeOf(url);
    expect((await card(code)).body.tools[0].annotations.readOnlyHint).toBe(true);
    await caller.publishedServers.setAnnotations({ appId: app.id, hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: null, openWorldHint: null } });
    expect((await card(code)).body.tools[0].annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    await caller.publishedServers.update({ appId: app.id, toolName: "forecast", toolDescription: "Forecasts." });
    expect((await card(code)).body).toMatchObject({ description: "Forecasts.", tools: [{ name: "forecast" }] });

    await caller.publishedServers.disable({ appId: app.id });
    expect(await card(code)).toMatchObject({ status: 404, body: { code: "not_found:mcp_server" } });
    await caller.publishedServers.enable({ appId: app.id });
    const fresh = codeOf((await caller.publishedServers.regenerate({ appId: app.id })).url);
    expect((await card(code)).status).toBe(404);
    expect((await card(fresh)).status).toBe(200);
  });

  it("a server's card has its own limit per minute, apart from the server's calls, and says when to retry", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const code = codeOf(url);
    const limit = Number(process.env.MCP_SERVER_RATE_LIMIT_PER_MINUTE ?? 300);
    const statuses = [];
    for (let i = 0; i <= limit; i++) statuses.push((await card(code)).status);
    expect(statuses.slice(0, limit).every((s) => s === 200)).toBe(true);
    const refused = await card(code);
    expect(refused).toMatchObject({ status: 429, body: { code: "rate_limit:mcp_server_card" } });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // The calls' budget is untouched.
    expect((await (await h.connect(url)).listTools()).tools).toHaveLength(1);
  });

  it("any other code segment is 404 with nothing but our message", async () => {
    const code = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      fc.string({ maxLength: 80 }),
      fc.constantFrom("../../etc/passwd", "%00", "__proto__", "constructor", "' or 1=1 --", "a".repeat(5_000)),
    );
    await fc.assert(
      fc.asyncProperty(code, async (value) => {
        const { status, body } = await card(value);
        expect(status).toBe(404);
        expect(body).toEqual({ code: "not_found:mcp_server", message: expect.stringMatching(/^No MCP server answers at this code/) });
      }),
      { numRuns: 400 },
    );
  });
});
