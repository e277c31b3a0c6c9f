// Version history: the list with who published, Restore to draft, and rollback that published servers follow at once.
import { describe, expect, it } from "vitest";
import { addMember, callerAs, createOwner } from "../support/fixtures";
import { createPublishedApp } from "../support/published-app";
import { useEndpointHarness } from "../support/endpoint-harness";

const h = useEndpointHarness();

const cityField = { key: "city", label: "City", type: "text", required: true, description: "Where" };

describe("version history", () => {
  it("lists every published version newest first with who published it, which is live and which equals the draft", async () => {
    const { caller, app, user } = await createPublishedApp(h.endpoint, h.llm, { draft: { instructions: "First." } });
    const draft = (await caller.apps.get({ id: app.id })).draft;
    await caller.apps.updateDraft({ id: app.id, draft: { ...draft, instructions: "Second." } });
    await caller.apps.publish({ id: app.id });

    const versions = await caller.apps.versions({ id: app.id });
    expect(versions.map((v) => [v.version, v.config.instructions, v.isLive, v.sameAsDraft])).toEqual([
      [2, "Second.", true, true],
      [1, "First.", false, false],
    ]);
    expect(versions[0]!.publishedBy).toEqual({ name: user.name, email: user.email });
  });

  it("Restore to draft copies the version into the draft and publishes nothing", async () => {
    const { caller, app } = await createPublishedApp(h.endpoint, h.llm, { draft: { instructions: "First." } });
    const draft = (await caller.apps.get({ id: app.id })).draft;
    await caller.apps.updateDraft({ id: app.id, draft: { ...draft, instructions: "Second." } });
    await caller.apps.publish({ id: app.id });
    const v1 = (await caller.apps.versions({ id: app.id })).find((v) => v.version === 1)!;

    expect(await caller.apps.restoreVersion({ id: app.id, versionId: v1.id })).toMatchObject({ version: 1 });
    const after = await caller.apps.get({ id: app.id });
    expect(after.draft.instructions).toBe("First.");
    expect(after.published?.version).toBe(2);
    expect(after.hasUnpublishedChanges).toBe(true);
  });

  it("rollback publishes the old config as a new version, and a connected MCP client gets it at its next request", async () => {
    const { caller, app, url } = await createPublishedApp(h.endpoint, h.llm, {
      draft: { instructions: "Old answer about {{city}}.", variables: [cityField] },
      settings: { parameterDescriptions: { city: "Where" } },
    });
    const draft = (await caller.apps.get({ id: app.id })).draft;
    await caller.apps.updateDraft({ id: app.id, draft: { ...draft, instructions: "New answer.", variables: [] } });
    await caller.apps.publish({ id: app.id });
    const client = await h.connect(url);
    expect(Object.keys((await client.listTools()).tools[0]!.inputSchema.properties ?? {})).not.toContain("city");

    const v1 = (await caller.apps.versions({ id: app.id })).find((v) => v.version === 1)!;
    expect(await caller.apps.republishVersion({ id: app.id, versionId: v1.id })).toMatchObject({ version: 3, from: 1 });
    expect(Object.keys((await client.listTools()).tools[0]!.inputSchema.properties ?? {})).toContain("city");
    h.llm.script([{ text: "ok" }]);
    await client.callTool({ name: "weather_helper", arguments: { query: "Hi", city: "Oslo" } });
    expect(h.llm.requests.at(-1)!.messages[0]).toEqual({ role: "system", content: "Old answer about Oslo." });
    const versions = await caller.apps.versions({ id: app.id });
    expect(versions.map((v) => [v.version, v.isLive])).toEqual([[3, true], [2, false], [1, false]]);
  });

  it("a member sees versions but cannot restore or roll back; another workspace sees nothing", async () => {
    const { caller, app, workspace } = await createPublishedApp(h.endpoint, h.llm);
    const [v1] = await caller.apps.versions({ id: app.id });
    const member = callerAs((await addMember(workspace.id, "member")).id, workspace.id);
    expect(await member.apps.versions({ id: app.id })).toHaveLength(1);
    await expect(member.apps.restoreVersion({ id: app.id, versionId: v1!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(member.apps.republishVersion({ id: app.id, versionId: v1!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await createOwner("stranger");
    const other = callerAs(stranger.user.id, stranger.workspace.id);
    await expect(other.apps.versions({ id: app.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A version id of another app (here: another workspace's) is not this app's.
    const { caller: otherCaller, app: otherApp } = await createPublishedApp(h.endpoint, h.llm);
    const [foreign] = await otherCaller.apps.versions({ id: otherApp.id });
    await expect(caller.apps.restoreVersion({ id: app.id, versionId: foreign!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.apps.republishVersion({ id: app.id, versionId: foreign!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
