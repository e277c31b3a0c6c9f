import "server-only";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { invites, workspaces, type Role } from "@/server/db/schema";

export async function insertInvite(
  db: Tx,
  values: { workspaceId: string; tokenHash: string; role: Role; createdBy: string; expiresAt: Date },
) {
  const [invite] = await db.insert(invites).values(values).returning();
  return invite!;
}

/** Open invites: not used, not revoked, not expired. */
export async function listOpenInvites(db: Tx, { workspaceId }: { workspaceId: string }) {
  return db
    .select({ id: invites.id, role: invites.role, expiresAt: invites.expiresAt, createdAt: invites.createdAt })
    .from(invites)
    .where(
      and(
        eq(invites.workspaceId, workspaceId),
        isNull(invites.usedAt),
        isNull(invites.revokedAt),
        gt(invites.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invites.createdAt));
}

export async function getInviteByTokenHash(db: Tx, { tokenHash }: { tokenHash: string }) {
  const [row] = await db
    .select({ invite: invites, workspaceName: workspaces.name })
    .from(invites)
    .innerJoin(workspaces, eq(workspaces.id, invites.workspaceId))
    .where(eq(invites.tokenHash, tokenHash));
  return row ?? null;
}

/** Marks the invite used only if it still is open: the single-use guarantee lives in this WHERE clause. */
export async function claimInvite(db: Tx, { id, userId }: { id: string; userId: string }) {
  const [row] = await db
    .update(invites)
    .set({ usedAt: new Date(), usedBy: userId })
    .where(and(eq(invites.id, id), isNull(invites.usedAt), isNull(invites.revokedAt), gt(invites.expiresAt, new Date())))
    .returning();
  return row ?? null;
}

export async function revokeInvite(db: Tx, { workspaceId, id }: { workspaceId: string; id: string }) {
  const [row] = await db
    .update(invites)
    .set({ revokedAt: new Date() })
    .where(and(eq(invites.workspaceId, workspaceId), eq(invites.id, id), isNull(invites.usedAt), isNull(invites.revokedAt)))
    .returning();
  return row ?? null;
}
