// The console's side of a published server's access mode: who may change it, which people may be chosen, what `get`
// returns, and that a change is announced to every instance (the endpoint's generation in the KV store changes).
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { publishedServerPeople, publishedServers } from "@/server/db/schema";
import { getKv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";
import { serverOfNewOwner } from "../support/enabled-server";
import { addMember, callerAs, createOwner } from "../support/fixtures";

describe("choosing who may call a published server", () => {
  it("a new server lets anyone with the URL in; sign-in for every member, then only chosen people, is stored and returned", async () => {
    const { owner, app, workspace } = await serverOfNewOwner();
    expect((await owner.publishedServers.get({ appId: app.id })).access).toEqual({ mode: "url", restricted: false, people: [] });

    expect(await owner.publishedServers.setAccess({ appId: app.id, mode: "sign_in" })).toEqual({ mode: "sign_in", restricted: false, people: [] });
    const ada = await addMember(workspace.id, "member");
    const access = await owner.publishedServers.setAccess({ appId: app.id, mode: "sign_in", restricted: true, people: [ada.id, ada.id] });
    expect(access).toEqual({ mode: "sign_in", restricted: true, people: [{ userId: ada.id, name: ada.name, email: ada.email }] });
    expect((await owner.publishedServers.get({ appId: app.id })).access).toEqual(access);

    const db = await getDb();
    const [row] = await db.select().from(publishedServers).where(eq(publishedServers.appId, app.id));
    expect(row).toMatchObject({ accessMode: "sign_in", signInRestricted: true });
    expect(await db.select({ userId: publishedServerPeople.userId }).from(publishedServerPeople).where(eq(publishedServerPeople.appId, app.id))).toEqual([{ userId: ada.id }]);
  });

  it("switching to another mode keeps the chosen people for a later switch back; letting every member in clears them", async () => {
    const { owner, app, workspace } = await serverOfNewOwner();
    const ada = await addMember(workspace.id, "editor");
    await owner.publishedServers.setAccess({ appId: app.id, mode: "sign_in", restricted: true, people: [ada.id] });
    expect(await owner.publishedServers.setAccess({ appId: app.id, mode: "api_key" })).toMatchObject({ mode: "api_key", restricted: true, people: [{ userId: ada.id }] });
    expect(await owner.publishedServers.setAccess({ appId: app.id, mode: "sign_in", restricted: false, people: [ada.id] })).toEqual({ mode: "sign_in", restricted: false, people: [] });
  });

  it("people must be members of the server's workspace, and a restricted server needs at least one", async () => {
    const { owner, app } = await serverOfNewOwner();
    const stranger = await createOwner("stranger");
    await expect(owner.publishedServers.setAccess({ appId: app.id, mode: "sign_in", restricted: true, people: [stranger.user.id] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/Only members of this workspace/),
    });
    await expect(owner.publishedServers.setAccess({ appId: app.id, mode: "sign_in", restricted: true, people: [] })).rejects.toThrow(/Choose at least one person/);
    // Nothing was written by the refused calls.
    expect((await owner.publishedServers.get({ appId: app.id })).access).toEqual({ mode: "url", restricted: false, people: [] });
  });

  it("a member or an editor cannot change access; an admin can", async () => {
    const { app, workspace } = await serverOfNewOwner();
    for (const role of ["member", "editor"] as const) {
      const caller = callerAs((await addMember(workspace.id, role)).id, workspace.id);
      await expect(caller.publishedServers.setAccess({ appId: app.id, mode: "url" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const admin = callerAs((await addMember(workspace.id, "admin")).id, workspace.id);
    expect(await admin.publishedServers.setAccess({ appId: app.id, mode: "api_key" })).toMatchObject({ mode: "api_key" });
  });

  it("a server never turned on has no access to set, with a message saying what to do", async () => {
    const { user, workspace } = await createOwner();
    const owner = callerAs(user.id, workspace.id);
    const app = await owner.apps.create({ type: "chat", name: "Unpublished" });
    await expect(owner.publishedServers.setAccess({ appId: app.id, mode: "sign_in" })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/Turn the MCP server on first/) });
  });

  it("someone removed from the workspace is no longer listed among the chosen people", async () => {
    const { owner, app, workspace } = await serverOfNewOwner();
    const [ada, bo] = [await addMember(workspace.id, "member"), await addMember(workspace.id, "member")];
    await owner.publishedServers.setAccess({ appId: app.id, mode: "sign_in", restricted: true, people: [ada.id, bo.id] });
    await owner.members.remove({ userId: bo.id });
    expect((await owner.publishedServers.get({ appId: app.id })).access.people.map((p) => p.userId)).toEqual([ada.id]);
  });

  it("a change is announced to every instance: the endpoint's generation is replaced", async () => {
    const { owner, app } = await serverOfNewOwner();
    const kv = getKv();
    await kv.set(kvKeys.endpointGeneration(app.id), "before", { ttlSeconds: 60 });
    await owner.publishedServers.setAccess({ appId: app.id, mode: "api_key" });
    const after = await kv.get(kvKeys.endpointGeneration(app.id));
    expect(after).toBeTruthy();
    expect(after).not.toBe("before");
  });

  it("another workspace's owner cannot change this server's access", async () => {
    const { app } = await serverOfNewOwner();
    const other = await createOwner("other");
    await expect(callerAs(other.user.id, other.workspace.id).publishedServers.setAccess({ appId: app.id, mode: "url" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const db = await getDb();
    const [row] = await db.select().from(publishedServers).where(and(eq(publishedServers.appId, app.id)));
    expect(row!.accessMode).toBe("url");
  });
});
