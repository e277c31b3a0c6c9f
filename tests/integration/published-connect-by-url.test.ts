// A signed-in caller whose agent needs a per-person server they have not connected: a client that declared URL-mode
// elicitation gets sent to the Tools page: -32042 "URL elicitation required" on the 2025 lane (MCP 2025-11-25, with
// the SDK's own error type), input_required with a URL elicitation on the 2026-07-28 lane, asked again until the
// person has connected; any other client gets the isError naming the server and the page, as before.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ErrorCode, UrlElicitationRequiredError } from "@modelcontextprotocol/sdk/types.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { mcpPersonConnections, mcpServers } from "@/server/db/schema";
import { env } from "@/server/env";
import { setAccessMode } from "../support/access-mode";
import { useEndpointHarness } from "../support/endpoint-harness";
import { modernHeaders, modernRequest } from "../support/modern-client";
import { issueTokens } from "../support/oauth-server-flow";
import { createPublishedApp } from "../support/published-app";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";

const h = useEndpointHarness();
let tools: TestMcpServer;
beforeAll(async () => {
  tools = await startTestMcpServer();
});
afterAll(() => tools.close());

/** A published agent in sign-in mode whose tool server is per person, and a token for its owner, who never connected. */
async function signedInAgent() {
  const published = await createPublishedApp(h.endpoint, h.llm, { type: "agent", name: "Mail agent", toolServerUrl: tools.url });
  await (await getDb()).update(mcpServers).set({ credentialScope: "per_person" }).where(eq(mcpServers.workspaceId, published.workspace.id));
  await setAccessMode({ workspaceId: published.workspace.id, appId: published.app.id }, "sign_in");
  const code = new URL(published.url).pathname.split("/")[3]!;
  const { accessToken } = await issueTokens({ userId: published.user.id, resource: `http://localhost:3000/mcp/server/${code}/mcp` });
  return { ...published, headers: { authorization: `Bearer ${accessToken}` } };
}

async function clientWith(url: string, headers: Record<string, string>, capabilities: Record<string, unknown>) {
  const client = new Client({ name: "connect-test", version: "1" }, { capabilities });
  await h.track(client).connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

const call = (client: Client) => client.callTool({ name: "weather_helper", arguments: { query: "Any mail?" } });

describe("a per-person server the caller has not connected", () => {
  it("a client with URL-mode elicitation is sent to the Tools page (-32042), and the model is never asked", async () => {
    const { url, headers, caller, app } = await signedInAgent();
    const before = h.llm.requests.length;
    const client = await clientWith(url, headers, { elicitation: { url: {} } });
    const error = await call(client).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UrlElicitationRequiredError);
    const { code, elicitations } = error as UrlElicitationRequiredError;
    expect(code).toBe(ErrorCode.UrlElicitationRequired);
    expect(elicitations).toEqual([
      expect.objectContaining({ mode: "url", url: new URL("/tools", env.APP_URL).toString(), message: expect.stringContaining("Connect your Test tools account") }),
    ]);
    expect(elicitations[0]!.elicitationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.llm.requests.length).toBe(before);
    const logs = await h.callLogs(caller, app.id);
    expect(logs.find((l) => l.method === "tools/call")).toMatchObject({ outcome: "error", error: expect.stringContaining("Test tools needs your own account connected") });
  });

  it("a client without it, or with form mode only, gets the isError naming the server and the page", async () => {
    const { url, headers } = await signedInAgent();
    for (const capabilities of [{}, { elicitation: { form: {} } }]) {
      const client = await clientWith(url, headers, capabilities);
      const result = await call(client);
      expect(result.isError).toBe(true);
      expect(JSON.stringify(result.content)).toContain("Test tools needs your own account connected");
    }
  });
});

describe("the 2026-07-28 lane", () => {
  const urlCapable = { "io.modelcontextprotocol/clientCapabilities": { elicitation: { url: {} } } };
  const post = (url: string, headers: Record<string, string>, params: Record<string, unknown>) =>
    fetch(url, {
      method: "POST",
      headers: { ...modernHeaders("tools/call", "weather_helper"), ...headers },
      body: JSON.stringify(modernRequest(1, "tools/call", { name: "weather_helper", arguments: { query: "Any mail?" }, ...params }, urlCapable)),
    }).then((response) => response.json());

  it("answers input_required with a URL elicitation to the Tools page, and the retry runs once the person has connected", async () => {
    const { url, headers, workspace, user } = await signedInAgent();
    const before = h.llm.requests.length;
    const first = await post(url, headers, {});
    expect(first.error).toBeUndefined();
    expect(first.result).toMatchObject({
      resultType: "input_required",
      inputRequests: { connect_0: { method: "elicitation/create", params: { mode: "url", url: new URL("/tools", env.APP_URL).toString(), message: expect.stringContaining("Connect your Test tools account") } } },
    });
    expect(h.llm.requests.length).toBe(before);

    // Still not connected: the retry asks again. Then the person connects (the row the OAuth callback would write;
    // the check reads only that tokens exist) and the retry goes on to the model.
    const retry = { inputResponses: { connect_0: { action: "accept" } } };
    expect((await post(url, headers, retry)).result).toMatchObject({ resultType: "input_required" });
    const [server] = await (await getDb()).select().from(mcpServers).where(eq(mcpServers.workspaceId, workspace.id));
    await (await getDb()).insert(mcpPersonConnections).values({ serverId: server!.id, userId: user.id, workspaceId: workspace.id, oauthTokensCiphertext: "sealed-elsewhere" });
    h.llm.script([{ text: "No new mail." }]);
    const done = await post(url, headers, retry);
    expect(done.result).toMatchObject({ resultType: "complete", structuredContent: { answer: "No new mail." } });
  });

  it("a request whose envelope does not declare URL elicitation gets the isError", async () => {
    const { url, headers } = await signedInAgent();
    const answer = await fetch(url, {
      method: "POST",
      headers: { ...modernHeaders("tools/call", "weather_helper"), ...headers },
      body: JSON.stringify(modernRequest(1, "tools/call", { name: "weather_helper", arguments: { query: "Any mail?" } })),
    }).then((response) => response.json());
    expect(answer.result).toMatchObject({ resultType: "complete", isError: true });
    expect(JSON.stringify(answer.result.content)).toContain("Test tools needs your own account connected");
  });
});
