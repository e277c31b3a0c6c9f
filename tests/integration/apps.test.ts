import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { updateWorkspaceDefaultModelForTest } from "../support/apps";
import { callerAs, createOwner } from "../support/fixtures";

const modelOf = (providerId: string) => ({ providerId, model: "gpt-test", temperature: 0.2, maxTokens: 500 });

/** A provider of this workspace (never called: creating one does not reach its API). */
async function providerOf(caller: ReturnType<typeof callerAs>, name = "Test provider") {
  return caller.modelProviders.create({ kind: "openai_compatible", name, baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-test" });
}

describe("apps", () => {
  it("an app is created with a name, icon and description, and listed", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const app = await caller.apps.create({ type: "agent", name: "Weather", icon: "🌤️", iconBackground: "#E0F2FE", description: "Answers weather questions" });
    const list = await caller.apps.list();
    expect(list).toEqual([expect.objectContaining({ id: app.id, name: "Weather", icon: "🌤️", type: "agent", publishedVersionId: null })]);
  });

  it("an update changes only the fields it sends: a rename keeps the icon, colour and description", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const app = await caller.apps.create({ type: "chat", name: "Weather", icon: "🌤️", iconBackground: "#E0F2FE", description: "Answers weather questions" });
    await caller.apps.update({ id: app.id, name: "Forecast" });
    expect(await caller.apps.get({ id: app.id })).toMatchObject({ name: "Forecast", icon: "🌤️", iconBackground: "#E0F2FE", description: "Answers weather questions" });
  });

  it("new apps start with the workspace's default model", async () => {
    const { user, workspace } = await createOwner();
    await updateWorkspaceDefaultModelForTest(await getDb(), workspace.id, "prov-x", "model-y");
    const app = await callerAs(user.id, workspace.id).apps.create({ type: "chat", name: "Chatty" });
    expect(app.draft.model).toMatchObject({ providerId: "prov-x", model: "model-y" });
  });

  it("edits save to the draft and Publish freezes a version; later edits show as unpublished", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const app = await caller.apps.create({ type: "chat", name: "Chatty" });
    expect((await caller.apps.get({ id: app.id })).hasUnpublishedChanges).toBe(true);
    const model = modelOf((await providerOf(caller)).id);

    await caller.apps.updateDraft({ id: app.id, draft: { instructions: "You are {{persona}}.", model, variables: [{ key: "persona", label: "Persona", type: "text" }] } });
    const first = await caller.apps.publish({ id: app.id });
    expect(first.version).toBe(1);
    let loaded = await caller.apps.get({ id: app.id });
    expect(loaded.hasUnpublishedChanges).toBe(false);
    expect(loaded.published?.id).toBe(first.id);

    await caller.apps.updateDraft({ id: app.id, draft: { ...loaded.draft, instructions: "Changed." } });
    loaded = await caller.apps.get({ id: app.id });
    expect(loaded.hasUnpublishedChanges).toBe(true);
    expect(loaded.published?.version).toBe(1);
    expect((await caller.apps.publish({ id: app.id })).version).toBe(2);
  });

  it("publishing without a model is refused with what to do", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const app = await caller.apps.create({ type: "chat", name: "No model" });
    await expect(caller.apps.publish({ id: app.id })).rejects.toThrow(/Choose a model/);
  });

  it("a JSON input's schema must describe an object and compile before the app can be published", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const app = await caller.apps.create({ type: "completion", name: "Schema" });
    const model = modelOf((await providerOf(caller)).id);
    const jsonField = (jsonSchema: Record<string, unknown>) => ({ variables: [{ key: "data", label: "Data", type: "json" as const, jsonSchema }], model });
    await expect(caller.apps.updateDraft({ id: app.id, draft: jsonField({ type: "array" }) })).rejects.toThrow(/must describe an object/);
    await caller.apps.updateDraft({ id: app.id, draft: jsonField({ type: "object", properties: { n: { type: "no-such-type" } } }) });
    await expect(caller.apps.publish({ id: app.id })).rejects.toThrow(/JSON Schema of "Data" is not valid/);
    expect((await caller.apps.get({ id: app.id })).published).toBeNull();
  });

  it("a draft with a duplicate variable key or a select without options is refused, and the stored draft is kept", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const app = await caller.apps.create({ type: "chat", name: "Form" });
    await caller.apps.updateDraft({ id: app.id, draft: { instructions: "keep me" } });
    await expect(
      caller.apps.updateDraft({ id: app.id, draft: { variables: [{ key: "a", label: "A", type: "text" }, { key: "a", label: "B", type: "text" }] } }),
    ).rejects.toThrow(/used twice/);
    await expect(caller.apps.updateDraft({ id: app.id, draft: { variables: [{ key: "s", label: "S", type: "select" }] } })).rejects.toThrow(/at least one option/);
    expect((await caller.apps.get({ id: app.id })).draft.instructions).toBe("keep me");
  });

  it("a draft naming another workspace's model provider or MCP server is refused, naming the field", async () => {
    const mine = await createOwner("mine");
    const theirs = await createOwner("theirs");
    const caller = callerAs(mine.user.id, mine.workspace.id);
    const other = callerAs(theirs.user.id, theirs.workspace.id);
    const theirProvider = await providerOf(other, "Theirs");
    const theirServer = await other.mcpServers.create({ name: "Their tools", identifier: "theirs", url: "http://127.0.0.1:9/mcp" });
    const myProvider = await providerOf(caller, "Mine");
    const myServer = await caller.mcpServers.create({ name: "My tools", identifier: "mine", url: "http://127.0.0.1:9/mcp" });
    const app = await caller.apps.create({ type: "agent", name: "Borrower" });
    await caller.apps.updateDraft({ id: app.id, draft: { instructions: "keep me", model: modelOf(myProvider.id), tools: [{ serverId: myServer.id, mode: "all" }] } });

    await expect(caller.apps.updateDraft({ id: app.id, draft: { model: modelOf(theirProvider.id) } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/model\.providerId.*not one of this workspace's/),
    });
    await expect(
      caller.apps.updateDraft({ id: app.id, draft: { model: modelOf(myProvider.id), tools: [{ serverId: myServer.id, mode: "all" }, { serverId: theirServer.id, mode: "all" }] } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/tools\[1\]\.serverId.*MCP server is not one of this workspace's/) });
    const stored = (await caller.apps.get({ id: app.id })).draft;
    expect(stored).toMatchObject({ instructions: "keep me", model: { providerId: myProvider.id }, tools: [{ serverId: myServer.id }] });
  });

  it("a draft still naming a provider deleted since it was saved keeps saving its other edits", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const provider = await providerOf(caller);
    const app = await caller.apps.create({ type: "chat", name: "Orphan" });
    await caller.apps.updateDraft({ id: app.id, draft: { model: modelOf(provider.id) } });
    await caller.modelProviders.delete({ id: provider.id });
    await caller.apps.updateDraft({ id: app.id, draft: { model: modelOf(provider.id), instructions: "Edited after the delete." } });
    expect((await caller.apps.get({ id: app.id })).draft.instructions).toBe("Edited after the delete.");
  });

  it("duplicate copies the draft under a new name, and delete removes only that app", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const app = await caller.apps.create({ type: "completion", name: "Writer" });
    await caller.apps.updateDraft({ id: app.id, draft: { instructions: "Write about {{topic}}" } });
    const copy = await caller.apps.duplicate({ id: app.id });
    expect(copy.name).toBe("Writer (copy)");
    expect(copy.draft.instructions).toBe("Write about {{topic}}");
    await caller.apps.delete({ id: app.id });
    expect((await caller.apps.list()).map((a) => a.id)).toEqual([copy.id]);
  });
});
