// API keys die with their maker's standing: removal, demotion, deletion and expiry all end a key, and no key can
// mint another one.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { apiKeys, memberships, users } from "@/server/db/schema";
import { addMember, callerAs, createOwner } from "../support/fixtures";
import { trpcGet, trpcPost } from "../support/trpc-over-http";

async function revokedAt(id: string) {
  const [row] = await (await getDb()).select().from(apiKeys).where(eq(apiKeys.id, id));
  return row!.revokedAt;
}

/** An owner's workspace with an admin who made an admin key and a member key. */
async function adminWithKeys() {
  const { user: owner, workspace } = await createOwner();
  const admin = await addMember(workspace.id, "admin");
  const asAdmin = callerAs(admin.id, workspace.id);
  const adminKey = await asAdmin.apiKeys.create({ name: "admin key", role: "admin" });
  const memberKey = await asAdmin.apiKeys.create({ name: "member key", role: "member" });
  const ownerKey = await callerAs(owner.id, workspace.id).apiKeys.create({ name: "owner's", role: "admin" });
  return { owner, workspace, admin, adminKey, memberKey, ownerKey, asOwner: callerAs(owner.id, workspace.id) };
}

describe("API keys die with their creator", () => {
  it("removing a member revokes every key they made, and only theirs", async () => {
    const w = await adminWithKeys();
    expect((await trpcGet("members.list", w.adminKey.key)).status).toBe(200);
    expect(await w.asOwner.members.countKeys({ userId: w.admin.id })).toEqual({ count: 2 });

    await w.asOwner.members.remove({ userId: w.admin.id });

    const refused = await trpcGet("members.list", w.adminKey.key);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: "unauthorized:api_key" });
    expect((await trpcGet("members.list", w.memberKey.key)).status).toBe(401);
    expect(await revokedAt(w.adminKey.id)).toBeInstanceOf(Date);
    expect((await trpcGet("members.list", w.ownerKey.key)).status).toBe(200);
  });

  it("lowering a member's role revokes their keys above the new role and keeps the rest", async () => {
    const w = await adminWithKeys();
    expect(await w.asOwner.members.countKeys({ userId: w.admin.id, role: "editor" })).toEqual({ count: 1 });
    expect(await w.asOwner.members.countKeys({ userId: w.admin.id, role: "admin" })).toEqual({ count: 0 });

    await w.asOwner.members.updateRole({ userId: w.admin.id, role: "editor" });

    expect((await trpcGet("members.list", w.adminKey.key)).status).toBe(401);
    expect((await trpcGet("members.list", w.memberKey.key)).status).toBe(200);
    expect(await revokedAt(w.adminKey.id)).toBeInstanceOf(Date);
  });

  it("a key whose creator was deleted entirely is refused and revoked", async () => {
    const w = await adminWithKeys();
    const db = await getDb();
    await db.delete(users).where(eq(users.id, w.admin.id));
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, w.adminKey.id));
    expect(row!.createdBy).toBeNull();

    expect((await trpcGet("members.list", w.adminKey.key)).status).toBe(401);
    expect(await revokedAt(w.adminKey.id)).toBeInstanceOf(Date);
  });

  it("a key is refused once its creator's role falls below it, even when the change bypassed the app", async () => {
    const w = await adminWithKeys();
    const db = await getDb();
    await db
      .update(memberships)
      .set({ role: "member" })
      .where(and(eq(memberships.workspaceId, w.workspace.id), eq(memberships.userId, w.admin.id)));
    expect((await trpcGet("members.list", w.adminKey.key)).status).toBe(401);
    expect((await trpcGet("members.list", w.memberKey.key)).status).toBe(200);
  });
});

describe("API key creation and expiry", () => {
  it("an API key cannot create API keys, not even an owner's", async () => {
    const { user, workspace } = await createOwner();
    const { key } = await callerAs(user.id, workspace.id).apiKeys.create({ name: "root", role: "owner" });
    const response = await trpcPost("apiKeys.create", key, { name: "successor", role: "owner" });
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.error.json.data.appCode).toBe("forbidden:api_key");
    expect(body.error.json.message).toMatch(/cannot create API keys/);
    expect(await callerAs(user.id, workspace.id).apiKeys.list()).toHaveLength(1);
  });

  it("an expired key is refused like a revoked one and listed as expired", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const created = await caller.apiKeys.create({ name: "month", role: "member", expiresInDays: 30 });
    const days = (created.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect((await trpcGet("members.list", created.key)).status).toBe(200);

    const db = await getDb();
    await db.update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, created.id));
    const refused = await trpcGet("members.list", created.key);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: "unauthorized:api_key" });

    const [listed] = await caller.apiKeys.list();
    expect(listed!.id).toBe(created.id);
    expect(listed!.expiresAt!.getTime()).toBeLessThan(Date.now());
  });

  it("a lifetime other than none, 30, 90 or 365 days is refused", async () => {
    const { user, workspace } = await createOwner();
    await expect(
      callerAs(user.id, workspace.id).apiKeys.create({ name: "x", role: "member", expiresInDays: 7 as 30 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("the key list names who made each key and when it was last used", async () => {
    const { user, workspace, email } = await createOwner("maker");
    const caller = callerAs(user.id, workspace.id);
    const { key } = await caller.apiKeys.create({ name: "ci", role: "member" });
    await trpcGet("members.list", key);
    const [listed] = await caller.apiKeys.list();
    expect(listed).toMatchObject({ creatorEmail: email, creatorName: "maker", expiresAt: null });
    expect(listed!.lastUsedAt).toBeInstanceOf(Date);
  });
});
