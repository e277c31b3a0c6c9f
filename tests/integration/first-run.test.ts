import { describe, expect, it } from "vitest";
import { addMember, callerAs, createOwner } from "../support/fixtures";

const stepsOf = async (caller: ReturnType<typeof callerAs>) =>
  Object.fromEntries((await caller.workspaces.checklist()).steps.map((step) => [step.id, { done: step.done, href: step.href }]));

describe("first-run checklist", () => {
  it("a new workspace has nothing ticked, each step links where it is done, and Settings opens on Model providers", async () => {
    const { user, workspace } = await createOwner();
    const checklist = await callerAs(user.id, workspace.id).workspaces.checklist();
    expect(checklist.steps.map((s) => [s.id, s.done, s.href])).toEqual([
      ["provider", false, "/settings/model-providers"],
      ["server", false, "/tools"],
      ["app", false, "/apps?create=1"],
      ["publish", false, "/apps?create=1"],
    ]);
    expect(checklist).toMatchObject({ doneCount: 0, complete: false, settingsHref: "/settings/model-providers" });
  });

  it("each step is ticked as it is done, publishing links to the app's MCP Server tab, and a finished workspace is complete", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const provider = await caller.modelProviders.create({ kind: "openai_compatible", name: "P", baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-test" });
    expect(await stepsOf(caller)).toMatchObject({ provider: { done: true }, server: { done: false } });
    expect((await caller.workspaces.checklist()).settingsHref).toBe("/settings");

    await caller.mcpServers.create({ name: "Search", identifier: "search", url: "http://127.0.0.1:9/mcp", connectTimeoutMs: 2000 });
    expect((await stepsOf(caller)).server!.done).toBe(true);

    const app = await caller.apps.create({ type: "chat", name: "Helper" });
    const steps = await stepsOf(caller);
    expect(steps.app!.done).toBe(true);
    expect(steps.publish).toEqual({ done: false, href: `/apps/${app.id}/publish` });

    await caller.apps.updateDraft({ id: app.id, draft: { ...app.draft, model: { providerId: provider.id, model: "m", temperature: null, maxTokens: null } } });
    await caller.apps.publish({ id: app.id });
    expect((await stepsOf(caller)).publish!.done).toBe(false); // published, but no MCP server switched on yet
    await caller.publishedServers.enable({ appId: app.id, toolName: "helper", toolDescription: "Helps." });
    const done = await caller.workspaces.checklist();
    expect(done).toMatchObject({ doneCount: 4, complete: true });
  });

  it("the checklist counts only this workspace's data, and any member may read it", async () => {
    const other = await createOwner("other");
    await callerAs(other.user.id, other.workspace.id).apps.create({ type: "chat", name: "Elsewhere" });
    const { workspace } = await createOwner();
    const member = await addMember(workspace.id, "member");
    expect((await callerAs(member.id, workspace.id).workspaces.checklist()).doneCount).toBe(0);
  });
});

describe("app templates", () => {
  it("three templates are offered, and the ones that need tools say which kind of MCP server", async () => {
    const { user, workspace } = await createOwner();
    const templates = await callerAs(user.id, workspace.id).appTemplates.list();
    expect(templates).toHaveLength(3);
    expect(templates.filter((t) => t.server).map((t) => t.id)).toEqual(["research-agent", "support-agent"]);
  });

  it("a template creates a finished app on the picked server with the workspace's default model", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const server = await caller.mcpServers.create({ name: "Docs", identifier: "docs", url: "http://127.0.0.1:9/mcp", connectTimeoutMs: 2000 });
    const app = await caller.appTemplates.create({ templateId: "support-agent", serverId: server.id });
    const loaded = await caller.apps.get({ id: app.id });
    expect(loaded).toMatchObject({ type: "agent", name: "Support agent" });
    expect(loaded.draft.instructions).toContain("{{product}}");
    expect(loaded.draft.variables.map((v) => v.key)).toEqual(["product", "tone"]);
    expect(loaded.draft.tools).toEqual([{ serverId: server.id, mode: "all", tools: [] }]);

    const skipped = await caller.appTemplates.create({ templateId: "research-agent", serverId: null });
    expect((await caller.apps.get({ id: skipped.id })).draft.tools).toEqual([]);
    const generator = await caller.appTemplates.create({ templateId: "release-notes" });
    expect((await caller.apps.get({ id: generator.id })).draft.variables[0]).toMatchObject({ type: "json", jsonSchema: { type: "object" } });
  });

  it("a server of another workspace, or an unknown template, is refused and creates nothing", async () => {
    const other = await createOwner("other");
    const foreign = await callerAs(other.user.id, other.workspace.id).mcpServers.create({ name: "X", identifier: "x", url: "http://127.0.0.1:9/mcp", connectTimeoutMs: 2000 });
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    await expect(caller.appTemplates.create({ templateId: "support-agent", serverId: foreign.id })).rejects.toThrow(/not one of this workspace's/);
    await expect(caller.appTemplates.create({ templateId: "nope" })).rejects.toThrow(/does not exist/);
    expect(await caller.apps.list()).toEqual([]);
    const member = await addMember(workspace.id, "member");
    await expect(callerAs(member.id, workspace.id).appTemplates.create({ templateId: "release-notes" })).rejects.toThrow();
  });
});
