// Credentials are stored sealed or hashed: a dump of every table holds none of the plain values used here.
import { describe, expect, it } from "vitest";
import { dumpDatabase } from "../support/dump-database";
import { callerAs, createOwner } from "../support/fixtures";

describe("secrets at rest", () => {
  it("no table holds a provider key, header value, credential in an MCP server URL, API key, invite token, server URL code or server key in plain text", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const providerKey = "sk-provider-plain-5f1c2e9a";
    const headerValue = "hdr-plain-value-91be77";
    const urlToken = "sk-url-plain-token-77aa";
    const urlQueryKey = "urlq-plain-3344cc";
    await caller.modelProviders.create({ kind: "openai", name: "OpenAI", apiKey: providerKey });
    await caller.mcpServers.create({ name: "Tools", identifier: "tools", url: `http://127.0.0.1:1/mcp/${urlToken}?key=${urlQueryKey}`, headers: [{ name: "X-Api-Key", value: headerValue }] });
    const apiKey = await caller.apiKeys.create({ name: "ci", role: "member" });
    const invite = await caller.invites.create({ role: "member" });
    const inviteToken = new URL(invite.url).pathname.split("/").at(-1)!;
    // A published app's secret URL code and its bearer key.
    const provider = await caller.modelProviders.create({ kind: "openai_compatible", name: "Local", baseUrl: "http://127.0.0.1:1/v1" });
    const app = await caller.apps.create({ type: "chat", name: "Published" });
    await caller.apps.updateDraft({ id: app.id, draft: { model: { providerId: provider.id, model: "m" } } });
    await caller.apps.publish({ id: app.id });
    const { url } = await caller.publishedServers.enable({ appId: app.id, toolName: "published", toolDescription: "Answers." });
    const serverCode = /\/mcp\/server\/([^/]+)\/mcp$/.exec(url)![1]!;
    const serverKey = (await caller.publishedServers.createKey({ appId: app.id, name: "client" })).key;

    const dump = await dumpDatabase();
    expect(dump).toContain(workspace.id); // the dump really covers the tables
    for (const secret of [providerKey, headerValue, urlToken, urlQueryKey, apiKey.key, inviteToken, serverCode, serverKey]) {
      expect(secret.length).toBeGreaterThan(10);
      expect(dump).not.toContain(secret);
    }
  });
});
