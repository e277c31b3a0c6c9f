// Role changes and removals, with the rules that keep a workspace governable. API keys die with their maker's
// standing: removing someone revokes their keys, lowering their role revokes their keys above the new role. Their
// own connections to per-person MCP servers go with the membership: no run can use them after this.
import "server-only";
import { getDb, type Tx } from "@/server/db";
import { countCreatorApiKeys, revokeCreatorApiKeys } from "@/server/db/queries/api-keys";
import { deletePersonConnectionsOf } from "@/server/db/queries/mcp-person-connections";
import { countOwners, deleteMembership, getMembership, updateMemberRole } from "@/server/db/queries/workspaces";
import type { Role } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { assertRole, hasRole, roles } from "@/server/auth/roles";

interface Actor {
  workspaceId: string;
  role: Role;
}

/** Key roles a member holding `role` may no longer back; every role when they leave (role null). */
function rolesAbove(role: Role | null): Role[] {
  return roles.filter((r) => !role || !hasRole(role, r));
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
    await revokeCreatorApiKeys(tx, { workspaceId: actor.workspaceId, createdBy: userId, roles: rolesAbove(role) });
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
    await revokeCreatorApiKeys(tx, { workspaceId: actor.workspaceId, createdBy: userId });
    await deletePersonConnectionsOf(tx, { workspaceId: actor.workspaceId, userId });
    await deleteMembership(tx, { workspaceId: actor.workspaceId, userId });
  });
}

/** How many working keys a removal (role absent) or a change to `role` would revoke: said before confirming. */
export async function countKeysAtStake(actor: Actor, { userId, role }: { userId: string; role?: Role }) {
  const db = await getDb();
  if (!(await getMembership(db, { workspaceId: actor.workspaceId, userId }))) {
    throw new AppError("not_found:member", "This person is not a member of the workspace.");
  }
  const count = await countCreatorApiKeys(db, { workspaceId: actor.workspaceId, createdBy: userId, roles: rolesAbove(role ?? null) });
  return { count };
}

async function assertAnotherOwner(tx: Tx, workspaceId: string) {
  if ((await countOwners(tx, { workspaceId })) < 2) {
    throw new AppError("conflict:member", "A workspace needs at least one owner. Make someone else an owner first.");
  }
}
