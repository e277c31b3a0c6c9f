import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { updateWorkspaceDefaultModelForTest } from "../support/apps";
import { callerAs, createOwner } from "../support/fixtures";

const model = { providerId: "provider-1", model: "gpt-test", temperature: 0.2, maxTokens: 500 };

describe("apps", () => {
  it("an app is created with a name, icon and description, and listed", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const app = await caller.apps.create({ type: "agent", name: "Weather", icon: "🌤️", iconBackground: "#E0F2FE", description: "Answers weather questions" });
    const list = await caller.apps.list();
    expect(list).toEqual([expect.objectContaining({ id: app.id, name: "Weather", icon: "🌤️", type: "agent", publishedVersionId: null })]);
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
