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
});
