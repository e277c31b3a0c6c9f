// Role changes and removals, with the rules that keep a workspace governable.
import "server-only";
import { getDb } from "@/server/db";
import { countOwners, deleteMembership, getMembership, updateMemberRole } from "@/server/db/queries/workspaces";
import type { Role } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { assertRole } from "@/server/auth/roles";

interface Actor {
  workspaceId: string;
  role: Role;
}

export async function changeMemberRole(actor: Actor, { userId, role }: { userId: string; role: Role }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const target = await getMembership(tx, { workspaceId: actor.workspaceId, userId });
    if (!target) throw new AppError("not_found:member", "This person is not a member of the workspace.");
    // Nobody hands out, or takes away, a role above their own.
    assertRole(actor.role, target.role, "member");
    assertRole(actor.role, role, "member");
    if (target.role === "owner" && role !== "owner") await assertAnotherOwner(tx, actor.workspaceId);
    return updateMemberRole(tx, { workspaceId: actor.workspaceId, userId, role });
  });
}

export async function removeMember(actor: Actor, { userId }: { userId: string }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const target = await getMembership(tx, { workspaceId: actor.workspaceId, userId });
    if (!target) throw new AppError("not_found:member", "This person is not a member of the workspace.");
    assertRole(actor.role, target.role, "member");
    if (target.role === "owner") await assertAnotherOwner(tx, actor.workspaceId);
    await deleteMembership(tx, { workspaceId: actor.workspaceId, userId });
  });
}

async function assertAnotherOwner(tx: Parameters<typeof countOwners>[0], workspaceId: string) {
  if ((await countOwners(tx, { workspaceId })) < 2) {
    throw new AppError("conflict:member", "A workspace needs at least one owner. Make someone else an owner first.");
  }
}
