// Per-person MCP connections against a real authorization server that signs each person in as their own account and
// a protected MCP server that records whose token each tool call carried: every member connects their own account,
// a run uses the tokens of the person it is for, nobody's tokens serve a call made by nobody, leaving the workspace
// takes a person's tokens at once, refreshes are single-flight per person (one person never waits on another), and a
// published call for someone not connected says where to connect.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appConfigSchema, type AppConfig } from "@/server/apps/app-config";
import { draftMissingConnections, loadDraft } from "@/server/apps/run-draft";
import { getDb } from "@/server/db";
import { getPersonConnection } from "@/server/db/queries/mcp-person-connections";
import { getMcpServer } from "@/server/db/queries/mcp-servers";
import { env } from "@/server/env";
import { getKv } from "@/server/kv";
import { acquireLock, releaseLock } from "@/server/kv/lock";
import { serverTokenSource } from "@/server/mcp/oauth/access-tokens";
import { finishServerAuthorization } from "@/server/mcp/oauth/finish-authorization";
import { oauthRedirectUrl } from "@/server/mcp/oauth/redirect-url";
import { readOwnerTokens, saveOwnerTokens } from "@/server/mcp/oauth/token-owner";
import { refuseAll } from "@/server/agent/tool-approval";
import { callPublishedTool } from "@/server/mcp/server/call-tool";
import { personalServersNote } from "@/server/mcp/server/personal-servers-note";
import { openAppTools } from "@/server/mcp/servers/open-app-tools";
import { addMember, callerAs, createOwner } from "../support/fixtures";
import { startOAuthPeers, type OAuthPeers } from "../support/mcp-oauth";
import { approveAuthorization } from "../support/oauth-server";
import { createTestApp, runTestApp } from "../support/runtime";
import { startScriptedLlm } from "../support/scripted-llm";

let peers: OAuthPeers;
beforeAll(async () => {
  peers = await startOAuthPeers({ path: "/oauth" });
});
afterAll(() => peers?.close());

type Caller = ReturnType<typeof callerAs>;

/** A workspace with a per-person server, its owner and a member (role "member"), neither connected yet. */
async function perPersonServer(identifier: string) {
  const { user: owner, workspace } = await createOwner("person");
  const member = await addMember(workspace.id, "member");
  const ownerCaller = callerAs(owner.id, workspace.id);
  const server = await ownerCaller.mcpServers.create({ name: `Mail ${identifier}`, identifier, url: peers.mcp.url, credentialScope: "per_person" });
  return { workspace, owner, member, ownerCaller, memberCaller: callerAs(member.id, workspace.id), server };
}

/** The person presses Connect, signs in at the authorization server as `account`, and lands on the callback. */
async function connect(caller: Caller, { serverId, userId, account }: { serverId: string; userId: string; account: string }) {
  const { authorizationUrl } = await caller.mcpServers.connectMine({ id: serverId, display: "popup" });
  const callback = await approveAuthorization(authorizationUrl, { redirectUri: oauthRedirectUrl(), account });
  return finishServerAuthorization({ params: callback.searchParams, userId });
}

/** One tool call in a run for `userId`, through the runtime's tools. */
async function runFor(workspaceId: string, serverId: string, userId: string | null) {
  const tools = await openAppTools({ workspaceId, bindings: [{ serverId, mode: "all", tools: [] }], signal: new AbortController().signal, userId });
  try {
    const echo = tools.tools.find((t) => t.sourceName === "echo")!;
    return await echo.execute({ text: `for ${userId}` }, { signal: new AbortController().signal });
  } finally {
    await tools.close();
  }
}

describe("each member connects their own account", () => {
  it("two members connect, and each one's run calls the server with their own token; the server row holds none", async () => {
    const { workspace, owner, member, ownerCaller, memberCaller, server } = await perPersonServer("own");
    expect(await connect(ownerCaller, { serverId: server.id, userId: owner.id, account: "alice" })).toMatchObject({ ok: true });
    expect(await connect(memberCaller, { serverId: server.id, userId: member.id, account: "bob" })).toMatchObject({ ok: true });

    const row = (await getMcpServer(await getDb(), { workspaceId: workspace.id, id: server.id }))!;
    expect(row.oauthTokensCiphertext).toBeNull();
    expect(row.tools.map((t) => t.name)).toContain("echo");
    expect(await memberCaller.mcpServers.myConnections()).toEqual([expect.objectContaining({ serverId: server.id, connected: true, status: "connected" })]);

    const before = peers.mcp.callers.length;
    await runFor(workspace.id, server.id, member.id);
    await runFor(workspace.id, server.id, owner.id);
    await runFor(workspace.id, server.id, member.id);
    expect(peers.mcp.callers.slice(before)).toEqual(["bob", "alice", "bob"]);
  });

  it("a member who has not connected gets a 'needs authorization' outcome naming the server; nobody (a secret-URL call) cannot use it", async () => {
    const { workspace, owner, member, ownerCaller, server } = await perPersonServer("notyet");
    await connect(ownerCaller, { serverId: server.id, userId: owner.id, account: "alice" });
    const before = peers.mcp.callers.length;
    await expect(runFor(workspace.id, server.id, member.id)).rejects.toThrow(/Mail notyet needs authorization/);
    expect(await getPersonConnection(await getDb(), { workspaceId: workspace.id, serverId: server.id, userId: member.id })).toBeNull();
    await expect(runFor(workspace.id, server.id, null)).rejects.toThrow(/not made by a signed-in person/);
    expect(peers.mcp.callers.slice(before)).toEqual([]);
    // The owner's own connection is untouched by the member's missing one.
    expect((await ownerCaller.mcpServers.myConnections())[0]).toMatchObject({ connected: true, status: "connected" });
  });

  it("Disconnect for oneself forgets only one's own tokens", async () => {
    const { workspace, owner, member, ownerCaller, memberCaller, server } = await perPersonServer("mine");
    await connect(ownerCaller, { serverId: server.id, userId: owner.id, account: "alice" });
    await connect(memberCaller, { serverId: server.id, userId: member.id, account: "bob" });
    await memberCaller.mcpServers.disconnectMine({ id: server.id });
    expect(await memberCaller.mcpServers.myConnections()).toEqual([]);
    const before = peers.mcp.callers.length;
    await runFor(workspace.id, server.id, owner.id);
    expect(peers.mcp.callers.slice(before)).toEqual(["alice"]);
  });

  it("a shared server refuses Connect for oneself: an editor authorizes it for everyone", async () => {
    const { user, workspace } = await createOwner("shared");
    const caller = callerAs(user.id, workspace.id);
    const server = await caller.mcpServers.create({ name: "Shared", identifier: "shared", url: peers.mcp.url });
    await expect(caller.mcpServers.connectMine({ id: server.id, display: "popup" })).rejects.toThrow(/one shared connection/);
  });

  it("per-person credentials need OAuth", async () => {
    const { user, workspace } = await createOwner("noauth");
    const caller = callerAs(user.id, workspace.id);
    await expect(
      caller.mcpServers.create({ name: "Open", identifier: "open", url: peers.mcp.url, authMode: "none", credentialScope: "per_person" }),
    ).rejects.toThrow(/Per-person credentials need OAuth/);
  });

  it("a flow started while the server was shared does not land as a person's connection after it became per-person", async () => {
    const { user, workspace } = await createOwner("switch");
    const caller = callerAs(user.id, workspace.id);
    const server = await caller.mcpServers.create({ name: "Switch", identifier: "switch", url: peers.mcp.url });
    const { authorizationUrl } = await caller.mcpServers.authorize({ id: server.id, display: "popup" });
    await caller.mcpServers.update({ id: server.id, name: "Switch", identifier: "switch", url: peers.mcp.url, credentialScope: "per_person" });
    const callback = await approveAuthorization(authorizationUrl, { redirectUri: oauthRedirectUrl(), account: "alice" });
    expect(await finishServerAuthorization({ params: callback.searchParams, userId: user.id })).toMatchObject({ ok: false, reason: "server_changed" });
    expect(await getPersonConnection(await getDb(), { workspaceId: workspace.id, serverId: server.id, userId: user.id })).toBeNull();
  });
});

describe("leaving the workspace", () => {
  it("removing a member deletes their tokens at once, and a run for them no longer reaches the server", async () => {
    const { workspace, owner, member, ownerCaller, memberCaller, server } = await perPersonServer("leave");
    await connect(ownerCaller, { serverId: server.id, userId: owner.id, account: "alice" });
    await connect(memberCaller, { serverId: server.id, userId: member.id, account: "bob" });
    await ownerCaller.members.remove({ userId: member.id });
    const db = await getDb();
    expect(await getPersonConnection(db, { workspaceId: workspace.id, serverId: server.id, userId: member.id })).toBeNull();
    const before = peers.mcp.callers.length;
    await expect(runFor(workspace.id, server.id, member.id)).rejects.toThrow(/needs authorization/);
    await runFor(workspace.id, server.id, owner.id);
    expect(peers.mcp.callers.slice(before)).toEqual(["alice"]);
  });
});

describe("refreshing per person", () => {
  it("a refresh holds a lock of its own person: another person's refresh goes ahead, and parallel ones of one person refresh once", async () => {
    const { workspace, owner, member, ownerCaller, memberCaller, server } = await perPersonServer("lock");
    await connect(ownerCaller, { serverId: server.id, userId: owner.id, account: "alice" });
    await connect(memberCaller, { serverId: server.id, userId: member.id, account: "bob" });
    const db = await getDb();
    const row = (await getMcpServer(db, { workspaceId: workspace.id, id: server.id }))!;
    const ownerSide = { kind: "person", userId: owner.id } as const;
    const memberSide = { kind: "person", userId: member.id } as const;
    const ownerToken = (await readOwnerTokens(db, row, ownerSide))!.tokens.access_token;
    const memberToken = (await readOwnerTokens(db, row, memberSide))!.tokens.access_token;

    // Another instance is refreshing the owner's tokens: the member's refresh does not wait for it.
    const held = (await acquireLock(getKv(), `oauth-refresh:${server.id}:person:${owner.id}`, 30_000))!;
    expect(held).toBeTruthy();
    const grants = peers.as.grants.length;
    const memberSource = serverTokenSource(row, { owner: memberSide, cache: new Map() });
    const renewed = await Promise.all(Array.from({ length: 5 }, () => memberSource.afterRejection(memberToken)));
    expect(new Set(renewed).size).toBe(1);
    expect(renewed[0]).not.toBe(memberToken);
    expect(peers.as.grants.slice(grants)).toEqual([expect.objectContaining({ grantType: "refresh_token", ok: true })]);

    let ownerDone = false;
    const ownerRefresh = serverTokenSource(row, { owner: ownerSide, cache: new Map() })
      .afterRejection(ownerToken)
      .then((token) => ((ownerDone = true), token));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ownerDone).toBe(false);
    await releaseLock(getKv(), `oauth-refresh:${server.id}:person:${owner.id}`, held);
    const ownerRenewed = await ownerRefresh;
    expect(ownerRenewed).not.toBe(ownerToken);
    expect(ownerRenewed).not.toBe(renewed[0]);
    // Each stored where it belongs.
    expect((await readOwnerTokens(db, row, memberSide))!.tokens.access_token).toBe(renewed[0]);
    expect((await readOwnerTokens(db, row, ownerSide))!.tokens.access_token).toBe(ownerRenewed);
  });
});

describe("published calls", () => {
  async function publishedAgent(identifier: string) {
    const setup = await perPersonServer(identifier);
    const provider = await setup.ownerCaller.modelProviders.create({ kind: "openai_compatible", name: "Unused", baseUrl: "http://127.0.0.1:9/v1" });
    const config = appConfigSchema.parse({ model: { providerId: provider.id, model: "m" }, tools: [{ serverId: setup.server.id, mode: "all" }] });
    return { ...setup, config };
  }
  const call = (workspaceId: string, config: AppConfig, personId: string | null) =>
    callPublishedTool({ workspaceId, appId: "app", appType: "agent", versionId: "v", config, provider: null, args: { query: "hi" }, signal: new AbortController().signal, personId, approve: refuseAll });

  it("a signed-in caller who has not connected gets an isError naming the server and the console page to connect on", async () => {
    const { workspace, member, config } = await publishedAgent("pubmissing");
    const outcome = await call(workspace.id, config, member.id);
    expect(outcome.result.isError).toBe(true);
    const text = (outcome.result.content[0] as { text: string }).text;
    expect(text).toContain("Mail pubmissing needs your own account connected");
    expect(text).toContain(`${new URL("/tools", env.APP_URL)}`);
  });

  it("a connected caller gets past the check (to the model, which is missing here)", async () => {
    const { workspace, owner, ownerCaller, server, config } = await publishedAgent("pubready");
    await connect(ownerCaller, { serverId: server.id, userId: owner.id, account: "alice" });
    const outcome = await call(workspace.id, config, owner.id);
    expect(outcome.result.isError).toBe(true);
    expect((outcome.result.content[0] as { text: string }).text).not.toContain("needs your own account");
  });

  it("a secret-URL or API-key endpoint's description names the per-person servers it cannot use; sign-in's does not", () => {
    const servers = [
      { id: "a", name: "Mail", credentialScope: "per_person" as const },
      { id: "b", name: "Search", credentialScope: "shared" as const },
    ];
    const bindings = appConfigSchema.parse({ tools: [{ serverId: "a", mode: "all" }, { serverId: "b", mode: "all" }] }).tools;
    expect(personalServersNote("url", bindings, servers)).toMatch(/Not available through this connection: Mail \(/);
    expect(personalServersNote("api_key", bindings, servers)).toContain("Mail");
    expect(personalServersNote("sign_in", bindings, servers)).toBe("");
    expect(personalServersNote("url", bindings.slice(1), servers)).toBe("");
  });
});

describe("Debug & Preview", () => {
  it("a run whose person's tokens stop working mid-run ends the tool call naming the server to connect again", async () => {
    const { workspace, member, memberCaller, server } = await perPersonServer("lost");
    await connect(memberCaller, { serverId: server.id, userId: member.id, account: "bob" });
    // The grant is gone at the authorization server: the access token is refused and so is the refresh token.
    const db = await getDb();
    const row = (await getMcpServer(db, { workspaceId: workspace.id, id: server.id }))!;
    const owner = { kind: "person" as const, userId: member.id };
    const stored = (await readOwnerTokens(db, row, owner))!;
    await saveOwnerTokens(db, row, owner, { tokens: { ...stored.tokens, access_token: "revoked", refresh_token: "revoked" }, discovery: stored.discovery });

    const llm = await startScriptedLlm();
    const tools = await openAppTools({ workspaceId: workspace.id, bindings: [{ serverId: server.id, mode: "all", tools: [] }], signal: new AbortController().signal, userId: member.id });
    try {
      const app = await createTestApp("agent", { tools: [{ serverId: server.id, mode: "all" }] });
      llm.script([{ toolCalls: [{ name: "lost__echo", arguments: { text: "hi" } }] }, { text: "It needs you to connect." }]);
      const { events } = await runTestApp(app, llm, { query: "Echo hi", tools: tools.tools, userId: member.id });
      const finished = events.find((e) => e.type === "tool-call-finished");
      expect(finished).toMatchObject({ isError: true, error: expect.stringContaining("Mail lost needs re-authorization"), connect: { id: server.id, name: "Mail lost" } });
    } finally {
      await Promise.all([tools.close(), llm.close()]);
    }
  });

  it("asks the signed-in person to connect before a run, and not once they have", async () => {
    const { workspace, member, memberCaller, ownerCaller, server } = await perPersonServer("preview");
    const app = await ownerCaller.apps.create({ type: "agent", name: "Mailer" });
    await ownerCaller.apps.updateDraft({ id: app.id, draft: { tools: [{ serverId: server.id, mode: "all" }] } });
    const ask = async () => draftMissingConnections({ workspaceId: workspace.id, draft: await loadDraft({ workspaceId: workspace.id, appId: app.id }), userId: member.id });
    expect(await ask()).toEqual([{ id: server.id, name: "Mail preview" }]);
    await connect(memberCaller, { serverId: server.id, userId: member.id, account: "bob" });
    expect(await ask()).toEqual([]);
  });
});
