import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { invites } from "@/server/db/schema";
import { addMember, anonymousCaller, callerAs, createOwner } from "../support/fixtures";

function tokenOf(url: string) {
  return new URL(url).pathname.split("/").pop()!;
}

describe("invite links", () => {
  it("an invite link lets one person join with the chosen role, once", async () => {
    const { user, workspace } = await createOwner();
    const invite = await callerAs(user.id, workspace.id).invites.create({ role: "editor" });
    const token = tokenOf(invite.url);

    const preview = await anonymousCaller().invites.preview({ token });
    expect(preview).toEqual({ workspaceName: workspace.name, role: "editor", status: "open" });

    const joiner = await createOwner("joiner");
    const joined = await callerAs(joiner.user.id).invites.accept({ token });
    expect(joined.workspaceId).toBe(workspace.id);
    const members = await callerAs(user.id, workspace.id).members.list();
    expect(members.find((m) => m.userId === joiner.user.id)?.role).toBe("editor");

    const latecomer = await createOwner("late");
    await expect(callerAs(latecomer.user.id).invites.accept({ token })).rejects.toThrow(/already been used/);
    expect((await anonymousCaller().invites.preview({ token })).status).toBe("used");
  });

  it("two people accepting the same link at once: exactly one joins", async () => {
    const { user, workspace } = await createOwner();
    const token = tokenOf((await callerAs(user.id, workspace.id).invites.create({ role: "member" })).url);
    const people = await Promise.all([createOwner("p1"), createOwner("p2"), createOwner("p3")]);
    const results = await Promise.allSettled(people.map((p) => callerAs(p.user.id).invites.accept({ token })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await callerAs(user.id, workspace.id).members.list()).toHaveLength(2);
  });

  it("an expired invite link is refused", async () => {
    const { user, workspace } = await createOwner();
    const invite = await callerAs(user.id, workspace.id).invites.create({ role: "member" });
    const db = await getDb();
    await db.update(invites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invites.id, invite.id));
    const joiner = await createOwner("joiner");
    await expect(callerAs(joiner.user.id).invites.accept({ token: tokenOf(invite.url) })).rejects.toThrow(/expired/);
  });

  it("an invite expires seven days after it is made", async () => {
    const { user, workspace } = await createOwner();
    const invite = await callerAs(user.id, workspace.id).invites.create({ role: "member" });
    const days = (invite.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });

  it("a revoked invite link is refused and leaves the list", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const invite = await caller.invites.create({ role: "member" });
    await caller.invites.revoke({ id: invite.id });
    expect(await caller.invites.list()).toEqual([]);
    const joiner = await createOwner("joiner");
    await expect(callerAs(joiner.user.id).invites.accept({ token: tokenOf(invite.url) })).rejects.toThrow(/revoked/);
  });

  it("the invite token is stored only as a hash", async () => {
    const { user, workspace } = await createOwner();
    const invite = await callerAs(user.id, workspace.id).invites.create({ role: "member" });
    const db = await getDb();
    const [row] = await db.select().from(invites).where(eq(invites.id, invite.id));
    expect(JSON.stringify(row)).not.toContain(tokenOf(invite.url));
  });

  it("an admin cannot create an invite for the owner role", async () => {
    const { workspace } = await createOwner();
    const admin = await addMember(workspace.id, "admin");
    await expect(callerAs(admin.id, workspace.id).invites.create({ role: "owner" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
