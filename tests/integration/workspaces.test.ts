import { describe, expect, it } from "vitest";
import { signUp } from "@/server/auth/sign-up";
import { addMember, callerAs, createOwner, uniqueEmail } from "../support/fixtures";

describe("sign-up and workspaces", () => {
  it("signing up creates a workspace with the new user as its owner", async () => {
    const { user, workspace } = await createOwner("alice");
    const workspaces = await callerAs(user.id).workspaces.list();
    expect(workspaces).toEqual([expect.objectContaining({ id: workspace.id, name: "alice's workspace", role: "owner" })]);
  });

  it("a second sign-up with the same email is refused with a clear message", async () => {
    const email = uniqueEmail();
    await signUp({ email, password: "long enough password" });
    await expect(signUp({ email: email.toUpperCase(), password: "another password" })).rejects.toThrow(
      /already exists/,
    );
  });

  it("a password shorter than 8 characters is refused", async () => {
    await expect(signUp({ email: uniqueEmail(), password: "short" })).rejects.toThrow(/at least 8/);
  });

  it("a user in several workspaces sees each, and the current one follows the requested id", async () => {
    const { user, workspace } = await createOwner();
    const second = await callerAs(user.id).workspaces.create({ name: "Second" });
    const names = (await callerAs(user.id).workspaces.list()).map((w) => w.name).sort();
    expect(names).toHaveLength(2);
    expect(names).toContain("Second");
    expect((await callerAs(user.id, second.id).workspaces.current()).name).toBe("Second");
    expect((await callerAs(user.id, workspace.id).workspaces.current()).id).toBe(workspace.id);
  });

  it("an owner can rename the workspace but a member cannot", async () => {
    const { user, workspace } = await createOwner();
    const member = await addMember(workspace.id, "member");
    await expect(callerAs(member.id, workspace.id).workspaces.rename({ name: "Nope" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const renamed = await callerAs(user.id, workspace.id).workspaces.rename({ name: "Acme" });
    expect(renamed?.name).toBe("Acme");
  });

  it("the last owner cannot be demoted or removed", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    await expect(caller.members.updateRole({ userId: user.id, role: "admin" })).rejects.toThrow(/at least one owner/);
    await expect(caller.members.remove({ userId: user.id })).rejects.toThrow(/at least one owner/);
  });

  it("an admin cannot remove an owner or make someone an owner", async () => {
    const { user: owner, workspace } = await createOwner();
    const admin = await addMember(workspace.id, "admin");
    const member = await addMember(workspace.id, "member");
    const caller = callerAs(admin.id, workspace.id);
    await expect(caller.members.remove({ userId: owner.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.members.updateRole({ userId: member.id, role: "owner" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await caller.members.updateRole({ userId: member.id, role: "editor" });
    const members = await caller.members.list();
    expect(members.find((m) => m.userId === member.id)?.role).toBe("editor");
  });

  it("an admin sets how long data is kept and everyone reads it back; an editor cannot change it", async () => {
    const { workspace } = await createOwner();
    const admin = await addMember(workspace.id, "admin");
    const editor = await addMember(workspace.id, "editor");
    expect((await callerAs(editor.id, workspace.id).workspaces.current()).retentionDays).toBeNull();
    await expect(callerAs(admin.id, workspace.id).workspaces.setRetention({ days: 90 })).resolves.toEqual({ retentionDays: 90 });
    expect((await callerAs(editor.id, workspace.id).workspaces.current()).retentionDays).toBe(90);
    await expect(callerAs(editor.id, workspace.id).workspaces.setRetention({ days: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(admin.id, workspace.id).workspaces.setRetention({ days: null })).resolves.toEqual({ retentionDays: null });
  });

  it.each([
    [0, /at least 1 day/],
    [-30, /at least 1 day/],
    [3651, /at most 3650 days/],
    [1e12, /at most 3650 days/],
    [2.5, /whole number/],
    ["30", /whole number/],
    [{ days: 30 }, /whole number/],
  ])("a retention of %j days is refused with a clear message and changes nothing", async (days, message) => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    await caller.workspaces.setRetention({ days: 30 });
    await expect(caller.workspaces.setRetention({ days } as never)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
    await expect(caller.workspaces.setRetention({} as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await caller.workspaces.current()).retentionDays).toBe(30);
  });
});
