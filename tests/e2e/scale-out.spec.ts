// Two `next start` instances sharing PostgreSQL and Redis, as behind a load balancer (the e2e server starts the
// second one on the next port when both are configured): Disable on one is refused on the other at the very next
// request, MCP load spread across both has zero errors, an OAuth flow started on one finishes on the other, and an
// expired token used by calls on both is refreshed exactly once (the lock lives in Redis).
import { expect, test } from "@playwright/test";
import { startTestAuthServer, type TestAuthServer } from "../support/oauth-server";
import { startProtectedMcpServer, type ProtectedMcpServer } from "../support/protected-mcp-server";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { ToolsPage } from "./pages/tools-page";
import { PublishPage } from "./pages/publish-page";
import { api, chatApp, connect, onSecondInstance, ping, scaledOut } from "./published-app";

let llm: ScriptedLlm;
let as: TestAuthServer;
let protectedServer: ProtectedMcpServer;
test.beforeAll(async () => {
  llm = await startScriptedLlm({ fallback: { text: "Fine weather." }, keepRequests: false });
  as = await startTestAuthServer();
  protectedServer = await startProtectedMcpServer({ issuer: as.issuer, jwks: as.jwks });
});
test.afterAll(() => Promise.all([llm.close(), protectedServer.close(), as.close()]));

if (scaledOut) {
  test("access mode, key, Regenerate and Disable on one instance are seen by the other at its next request; load on both has no errors", async ({ page }) => {
    const app = await chatApp(page, llm, "Forecaster");
    await api(page, "apps.publish", { id: app.id });
    const publish = new PublishPage(page);
    await publish.open(app.id);
    await publish.turnOn({ description: "Forecasts.", parameters: { "City (city)": "The city." } });
    const first = await publish.url();
    const second = onSecondInstance(first);

    // Load spread over both instances: 20 clients, each alternating, listing and calling.
    const clients = await Promise.all(Array.from({ length: 20 }, (_, i) => connect(i % 2 ? second : first)));
    const outcomes = await Promise.allSettled(
      clients.flatMap((client) => [
        client.listTools(),
        client.callTool({ name: "forecaster", arguments: { query: "Weather?", city: "Oslo" } }).then((r) => {
          if (r.isError) throw new Error(JSON.stringify(r.content));
        }),
        client.listTools(),
      ]),
    );
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);

    // Both instances now hold the server in their endpoint cache. Changes made through the first instance's
    // console reach the second at its very next request: API-key access with a key, back to the URL alone, a new
    // URL, then Disable.
    await api(page, "publishedServers.setAccess", { appId: app.id, mode: "api_key" });
    const created = await api<{ id: string; key: string }>(page, "publishedServers.createKey", { appId: app.id, name: "ci" });
    expect((await ping(second)).status).toBe(401);
    await api(page, "publishedServers.revokeKey", { appId: app.id, id: created.id });
    await api(page, "publishedServers.setAccess", { appId: app.id, mode: "url" });
    expect((await ping(second)).status).toBe(200);

    const { url: fresh } = await api<{ url: string }>(page, "publishedServers.regenerate", { appId: app.id });
    expect((await ping(second)).status).toBe(404);
    const secondFresh = onSecondInstance(fresh);
    expect((await (await ping(secondFresh)).json()).result).toEqual({});

    await api(page, "publishedServers.disable", { appId: app.id });
    const refused = await (await ping(secondFresh)).json();
    expect(refused.error.message).toMatch(/not active/i);
    await Promise.all(clients.map((c) => c.close()));
  });
}

if (scaledOut) {
  test("an OAuth flow started on the second instance finishes on the first (APP_URL's callback)", async ({ page, baseURL }) => {
    const second = baseURL!.replace(/:(\d+)$/, (_, port: string) => `:${Number(port) + 1}`);
    await page.goto(`${second}/sign-up`);
    await new SignUpPage(page).signUp(newUser("scale"));
    const tools = new ToolsPage(page);
    await tools.open();
    expect(new URL(page.url()).origin).toBe(second);
    await tools.startAdding({ url: protectedServer.url, name: "Shared" });
    await tools.save();
    const popupOpened = page.waitForEvent("popup");
    await tools.card("Shared").getByRole("button", { name: "Authorize Shared" }).click();
    const popup = await popupOpened;
    // The callback goes to APP_URL, the first instance: the flow state it needs lives in Redis, not in memory.
    const callback = popup.waitForRequest((request) => request.url().includes("/console/api/mcp/oauth/callback"));
    await popup.getByRole("button", { name: "Approve" }).click();
    expect(new URL((await callback).url()).origin).not.toBe(second);
    await expect(tools.card("Shared").getByText("Connected")).toBeVisible({ timeout: 20_000 });
  });
}

if (scaledOut) {
  test("calls on both instances after the access token expired refresh it exactly once", async ({ page }) => {
    test.setTimeout(120_000);
    // An agent that calls the protected server's echo tool, then answers with what it got back.
    const agentLlm = await startScriptedLlm({
      keepRequests: false,
      fallback: (body) =>
        body.messages.some((m) => m.role === "tool")
          ? { text: `Echoed: ${JSON.stringify(body.messages.filter((m) => m.role === "tool").at(-1)?.content)}` }
          : { toolCalls: [{ name: "shared__echo", arguments: { text: "hello" } }] },
    });
    try {
      await new SignUpPage(page).open();
      await new SignUpPage(page).signUp(newUser("refresher"));
      await expect(page).toHaveURL(/\/apps$/);
      const provider = await api<{ id: string }>(page, "modelProviders.create", { kind: "openai_compatible", name: "Scripted", baseUrl: `${agentLlm.url}/v1`, apiKey: "sk-e2e" });
      // A short-lived token for this grant, so the calls below find it expired.
      as.setAccessTokenTtl(3);
      const tools = new ToolsPage(page);
      await tools.open();
      await tools.startAdding({ url: protectedServer.url, name: "Shared" });
      await tools.save();
      await tools.authorizeInPopup("Shared");
      as.setAccessTokenTtl(300);
      const listed = await page.request.get("/api/trpc/mcpServers.list");
      const server = ((await listed.json()).result.data.json as Array<{ id: string; identifier: string }>).find((s) => s.identifier === "shared")!;
      const agent = await api<{ id: string }>(page, "apps.create", { type: "agent", name: "Echo agent" });
      await api(page, "apps.updateDraft", {
        id: agent.id,
        draft: {
          instructions: "Use the echo tool.",
          model: { providerId: provider.id, model: "scripted-model" },
          tools: [{ serverId: server.id, mode: "all" }],
          maxToolRounds: 2,
        },
      });
      await api(page, "apps.publish", { id: agent.id });
      const publish = new PublishPage(page);
      await publish.open(agent.id);
      await publish.turnOn({ description: "Echoes." });
      const first = await publish.url();
      const second = onSecondInstance(first);

      await new Promise((resolve) => setTimeout(resolve, 3_500)); // the access token has expired
      const before = as.grants.filter((g) => g.grantType === "refresh_token").length;
      // A slow token endpoint: both instances' calls are waiting while the one refresh is in flight. Without the
      // shared lock each instance would refresh, and the authorization server would see the rotated token replayed.
      as.setTokenDelay(800);
      const clients = await Promise.all(Array.from({ length: 8 }, (_, i) => connect(i % 2 ? second : first)));
      const results = await Promise.all(clients.map((client, i) => client.callTool({ name: "echo_agent", arguments: { query: `Echo ${i}` } })));
      expect(results.map((r) => r.isError ?? false)).toEqual(Array(8).fill(false));
      expect(results.map((r) => JSON.stringify(r.structuredContent))).toEqual(Array(8).fill(expect.stringContaining("hello")));
      const refreshes = as.grants.filter((g) => g.grantType === "refresh_token").slice(before);
      expect(refreshes).toEqual([expect.objectContaining({ ok: true })]);
      await Promise.all(clients.map((c) => c.close()));
    } finally {
      as.setTokenDelay(0);
      await agentLlm.close();
    }
  });
}
