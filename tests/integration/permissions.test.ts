// Table-driven over the whole router: a new procedure without a permission check, or without a
// cross-workspace test input, fails here.
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { createCallerFactory, createTRPCRouter, workspaceProcedure, type Meta } from "@/server/api/trpc";
import { roles, hasRole, type Role } from "@/server/auth/roles";
import { addMember, callerAs, createOwner } from "../support/fixtures";

type Caller = ReturnType<typeof callerAs>;
type Ids = { userId: string; inviteId: string; apiKeyId: string; appId: string; versionId: string; serverId: string; providerId: string; oauthClientId: string };

const sampleAppFile = JSON.stringify({
  switchyard: "app",
  version: 1,
  app: { type: "agent", name: "Imported" },
  config: { model: { provider: "provider-1", model: "a-model" }, tools: [{ server: "server-1", mode: "all" }] },
  providers: [{ ref: "provider-1", name: "A's provider", kind: "openai_compatible" }],
  servers: [{ ref: "server-1", name: "A's server", identifier: "a-server" }],
});

/** One valid input per procedure, built from workspace A's ids. */
const sampleInputs: Record<string, (ids: Ids) => unknown> = {
  "workspaces.list": () => undefined,
  "workspaces.create": () => ({ name: "Another" }),
  "workspaces.current": () => undefined,
  "workspaces.rename": () => ({ name: "Renamed" }),
  "workspaces.setRetention": () => ({ days: 30 }),
  "workspaces.checklist": () => undefined,
  "members.list": () => undefined,
  "members.updateRole": (ids) => ({ userId: ids.userId, role: "editor" }),
  "members.remove": (ids) => ({ userId: ids.userId }),
  "members.countKeys": (ids) => ({ userId: ids.userId }),
  "invites.list": () => undefined,
  "invites.create": () => ({ role: "member" }),
  "invites.revoke": (ids) => ({ id: ids.inviteId }),
  "invites.preview": () => ({ token: "inv_not-a-real-token" }),
  "invites.accept": () => ({ token: "inv_not-a-real-token" }),
  "apiKeys.list": () => undefined,
  "apiKeys.create": () => ({ name: "ci", role: "member" }),
  "apiKeys.revoke": (ids) => ({ id: ids.apiKeyId }),
  "apps.list": () => undefined,
  "apps.get": (ids) => ({ id: ids.appId }),
  "apps.create": () => ({ type: "chat", name: "Another app" }),
  "apps.update": (ids) => ({ id: ids.appId, name: "Renamed app" }),
  "apps.updateDraft": (ids) => ({ id: ids.appId, draft: {} }),
  "apps.duplicate": (ids) => ({ id: ids.appId }),
  "apps.delete": (ids) => ({ id: ids.appId }),
  "apps.publish": (ids) => ({ id: ids.appId }),
  "apps.versions": (ids) => ({ id: ids.appId }),
  "apps.restoreVersion": (ids) => ({ id: ids.appId, versionId: ids.versionId }),
  "apps.republishVersion": (ids) => ({ id: ids.appId, versionId: ids.versionId }),
  "apps.decideToolCall": (ids) => ({ appId: ids.appId, messageId: ids.versionId, callId: "call-1", decision: "denied" }),
  "appTemplates.list": () => undefined,
  "appTemplates.create": (ids) => ({ templateId: "support-agent", serverId: ids.serverId }),
  "appFiles.export": (ids) => ({ id: ids.appId }),
  "appFiles.inspect": () => ({ text: sampleAppFile }),
  "appFiles.import": (ids) => ({ text: sampleAppFile, providers: [{ ref: "provider-1", id: ids.providerId }], servers: [{ ref: "server-1", id: ids.serverId }] }),
  "mcpServers.list": () => undefined,
  "mcpServers.get": (ids) => ({ id: ids.serverId }),
  "mcpServers.usage": (ids) => ({ id: ids.serverId }),
  "mcpServers.create": () => ({ name: "Other", identifier: "other", url: "http://127.0.0.1:9/mcp" }),
  "mcpServers.update": (ids) => ({ id: ids.serverId, name: "Renamed", identifier: "renamed", url: "http://127.0.0.1:9/mcp" }),
  "mcpServers.delete": (ids) => ({ id: ids.serverId }),
  "mcpServers.testConnection": (ids) => ({ id: ids.serverId, connection: { url: "http://127.0.0.1:9/mcp", connectTimeoutMs: 1000 } }),
  "mcpServers.previewTools": (ids) => ({ id: ids.serverId }),
  "mcpServers.applyTools": (ids) => ({ id: ids.serverId, token: "tu_not-a-real-token" }),
  "mcpServers.callTool": (ids) => ({ id: ids.serverId, name: "echo", arguments: {} }),
  "mcpServers.oauthSettings": () => undefined,
  "mcpServers.authorize": (ids) => ({ id: ids.serverId, display: "popup" }),
  "mcpServers.disconnect": (ids) => ({ id: ids.serverId }),
  "mcpServers.openApp": (ids) => ({ id: ids.serverId, uri: "ui://none/app.html" }),
  "mcpServers.resources": (ids) => ({ id: ids.serverId }),
  "mcpServers.readResource": (ids) => ({ id: ids.serverId, uri: "test://none" }),
  "mcpServers.prompts": (ids) => ({ id: ids.serverId }),
  "mcpServers.myConnections": () => undefined,
  "mcpServers.connectMine": (ids) => ({ id: ids.serverId, display: "popup" }),
  "mcpServers.disconnectMine": (ids) => ({ id: ids.serverId }),
  "conversations.list": (ids) => ({ appId: ids.appId }),
  "conversations.get": (ids) => ({ appId: ids.appId, id: "no-such-conversation" }),
  "workflows.runDraft": (ids) => ({ appId: ids.appId, inputs: {} }),
  "workflows.getRun": () => ({ runId: "no-such-run" }),
  "workflows.stopRun": () => ({ runId: "no-such-run" }),
  "workflows.rerunFrom": (ids) => ({ appId: ids.appId, runId: "no-such-run", nodeId: "start", outputs: {} }),
  "workflows.listRuns": () => ({ conversationId: "no-such-conversation" }),
  "workflows.check": (ids) => ({ appId: ids.appId }),
  "modelProviders.list": () => undefined,
  "modelProviders.get": (ids) => ({ id: ids.providerId }),
  "modelProviders.create": () => ({ kind: "openai_compatible", name: "Other", baseUrl: "http://127.0.0.1:9/v1" }),
  "modelProviders.update": (ids) => ({ id: ids.providerId, kind: "openai_compatible", name: "Renamed", baseUrl: "http://127.0.0.1:9/v1" }),
  "modelProviders.delete": (ids) => ({ id: ids.providerId }),
  "modelProviders.test": (ids) => ({ id: ids.providerId, timeoutMs: 500 }),
  "modelProviders.check": () => ({ kind: "openai_compatible", name: "Other", baseUrl: "http://127.0.0.1:9/v1", timeoutMs: 500 }),
  "modelProviders.refreshModels": (ids) => ({ id: ids.providerId, timeoutMs: 500 }),
  "modelProviders.updateModels": (ids) => ({ id: ids.providerId, models: [{ id: "m", toolCalling: true }] }),
  "modelProviders.getDefaultModel": () => undefined,
  "modelProviders.setDefaultModel": (ids) => ({ providerId: ids.providerId, model: "a-model" }),
  "workspaceServer.get": () => undefined,
  "workspaceServer.enable": () => undefined,
  "workspaceServer.disable": () => undefined,
  "workspaceServer.regenerate": () => undefined,
  "workspaceServer.update": () => ({ includeNewApps: true }),
  "workspaceServer.setIncluded": (ids) => ({ appId: ids.appId, included: false }),
  "workspaceServer.listGrants": () => undefined,
  "workspaceServer.revokeGrant": () => ({ grantId: "no-such-grant" }),
  "workspaceServer.checkConnect": () => undefined,
  "workspaceServer.setApprovalPolicy": () => ({ policy: "allow" }),
  "workspaceServer.setAccess": (ids) => ({ mode: "sign_in", restricted: true, people: [ids.userId] }),
  "workspaceServer.listKeys": () => undefined,
  "workspaceServer.createKey": () => ({ name: "k" }),
  "workspaceServer.revokeKey": () => ({ id: "no-such-key" }),
  "workspaceServer.listCalls": (ids) => ({ appId: ids.appId }),
  "workspaceServer.listCallers": () => undefined,
  "publishedServers.get": (ids) => ({ appId: ids.appId }),
  "publishedServers.enable": (ids) => ({ appId: ids.appId, toolName: "a_tool", toolDescription: "Does A." }),
  "publishedServers.disable": (ids) => ({ appId: ids.appId }),
  "publishedServers.setAnnotations": (ids) => ({ appId: ids.appId, hints: { readOnlyHint: true } }),
  "publishedServers.update": (ids) => ({ appId: ids.appId, toolName: "a_tool", toolDescription: "Does A." }),
  "publishedServers.regenerate": (ids) => ({ appId: ids.appId }),
  "publishedServers.listKeys": (ids) => ({ appId: ids.appId }),
  "publishedServers.createKey": (ids) => ({ appId: ids.appId, name: "k" }),
  "publishedServers.revokeKey": (ids) => ({ appId: ids.appId, id: "no-such-key" }),
  "publishedServers.listCalls": (ids) => ({ appId: ids.appId }),
  "publishedServers.listCallers": (ids) => ({ appId: ids.appId }),
  "publishedServers.checkConnect": (ids) => ({ appId: ids.appId }),
  "oauthClients.list": () => undefined,
  "oauthClients.create": () => ({ name: "Other client", redirectUris: ["https://client.example/callback"], type: "public" }),
  "oauthClients.delete": (ids) => ({ id: ids.oauthClientId }),
  "publishedServers.setApprovalPolicy": (ids) => ({ appId: ids.appId, policy: "allow" }),
  "publishedServers.setAccess": (ids) => ({ appId: ids.appId, mode: "sign_in", restricted: true, people: [ids.userId] }),
  "publishedServers.listGrants": (ids) => ({ appId: ids.appId }),
  "publishedServers.revokeGrant": (ids) => ({ appId: ids.appId, grantId: "no-such-grant" }),
  "account.listMyGrants": () => undefined,
  "account.revokeMyGrant": () => ({ grantId: "no-such-grant" }),
  "sessions.list": () => undefined,
  "sessions.revoke": () => ({ id: "no-such-session" }),
  "sessions.revokeOthers": () => undefined,
};

const procedures = Object.entries(appRouter._def.procedures).map(([path, procedure]) => {
  const def = (procedure as unknown as { _def: { meta?: Meta; type: string } })._def;
  return { path, meta: def.meta ?? {}, type: def.type };
});
const workspaceProcedures = procedures.filter((p) => p.meta.scope === "workspace");

function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<any>((node, key) => node[key], caller);
  return fn(input);
}

let workspaceA: string;
let idsA: Ids;
const usersByRole = {} as Record<Role, string>;
let ownerB: string;
let workspaceB: string;

beforeAll(async () => {
  const a = await createOwner("a");
  workspaceA = a.workspace.id;
  usersByRole.owner = a.user.id;
  for (const role of ["admin", "editor", "member"] as const) usersByRole[role] = (await addMember(workspaceA, role)).id;
  const target = await addMember(workspaceA, "member");
  const owner = callerAs(a.user.id, workspaceA);
  const invite = await owner.invites.create({ role: "member" });
  const key = await owner.apiKeys.create({ name: "k", role: "member" });
  const app = await owner.apps.create({ type: "agent", name: "A's app" });
  const server = await owner.mcpServers.create({ name: "A's server", identifier: "a-server", url: "http://127.0.0.1:9/mcp" });
  const provider = await owner.modelProviders.create({ kind: "openai_compatible", name: "A's provider", baseUrl: "http://127.0.0.1:9/v1" });
  await owner.modelProviders.updateModels({ id: provider.id, models: [{ id: "a-model", toolCalling: true }] });
  await owner.modelProviders.setDefaultModel({ providerId: provider.id, model: "a-model" });
  await owner.apps.updateDraft({ id: app.id, draft: { model: { providerId: provider.id, model: "a-model" } } });
  await owner.apps.publish({ id: app.id });
  const [version] = await owner.apps.versions({ id: app.id });
  const oauthClient = await owner.oauthClients.create({ name: "A's client", redirectUris: ["https://a.example/callback"], type: "confidential" });
  idsA = {
    userId: target.id,
    inviteId: invite.id,
    apiKeyId: key.id,
    appId: app.id,
    versionId: version!.id,
    serverId: server.id,
    providerId: provider.id,
    oauthClientId: oauthClient.clientId,
  };
  const b = await createOwner("b");
  ownerB = b.user.id;
  workspaceB = b.workspace.id;
});

describe("every procedure", () => {
  it.each(procedures.map((p) => [p.path, p] as const))("%s declares a scope and has a sample input", (_, p) => {
    expect(["public", "user", "workspace"]).toContain(p.meta.scope);
    expect(sampleInputs[p.path], `add a sample input for ${p.path} to this table`).toBeTypeOf("function");
  });

  it.each(workspaceProcedures.filter((p) => p.type === "mutation").map((p) => [p.path, p] as const))(
    "mutation %s declares the role it needs",
    (_, p) => {
      expect(p.meta.role).toBeDefined();
    },
  );
});

describe("roles gate every workspace procedure", () => {
  const cases = workspaceProcedures.flatMap((p) =>
    roles.filter((role) => !hasRole(role, p.meta.role ?? "member")).map((role) => [p.path, role, p] as const),
  );

  it.each(cases)("%s is forbidden to a %s", async (path, role) => {
    const caller = callerAs(usersByRole[role], workspaceA);
    await expect(call(caller, path, sampleInputs[path]!(idsA))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a mutation that declares no role never runs, even for an owner", async () => {
    let ran = false;
    const router = createTRPCRouter({ undeclared: workspaceProcedure.mutation(() => (ran = true)) });
    const caller = createCallerFactory(router)({
      actor: { kind: "user", userId: usersByRole.owner },
      requestedWorkspaceId: workspaceA,
    });
    await expect(caller.undeclared()).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(ran).toBe(false);
  });
});

describe("workspace isolation", () => {
  it.each(workspaceProcedures.map((p) => [p.path] as const))(
    "the owner of workspace B never reaches workspace A's data through %s",
    async (path) => {
      const caller = callerAs(ownerB, workspaceB);
      const input = sampleInputs[path]!(idsA);
      const takesId = typeof input === "object" && input !== null && ("id" in input || "userId" in input);
      const result = call(caller, path, input);
      if (takesId) {
        await expect(result).rejects.toMatchObject({ code: "NOT_FOUND" });
      } else {
        const value = JSON.stringify(await result.catch(() => null));
        for (const id of Object.values(idsA)) expect(value).not.toContain(id);
        expect(value).not.toContain(workspaceA);
      }
    },
  );

  it("asking for workspace A while being a member of B only is not found", async () => {
    await expect(callerAs(ownerB, workspaceA).members.list()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("A's records are unchanged after B's attempts", async () => {
    const members = await callerAs(usersByRole.owner, workspaceA).members.list();
    expect(members.find((m) => m.userId === idsA.userId)?.role).toBe("member");
    const keys = await callerAs(usersByRole.owner, workspaceA).apiKeys.list();
    expect(keys.map((k) => k.id)).toContain(idsA.apiKeyId);
    const clients = await callerAs(usersByRole.owner, workspaceA).oauthClients.list();
    expect(clients.map((c) => c.clientId)).toContain(idsA.oauthClientId);
  });
});
