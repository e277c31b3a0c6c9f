// Invite links: single use, valid for 7 days, the token only in the link and its hash in the database.
import "server-only";
import { getDb, type Tx } from "@/server/db";
import { claimInvite, getInviteByTokenHash, insertInvite } from "@/server/db/queries/invites";
import { getMembership, insertMembership } from "@/server/db/queries/workspaces";
import type { Role } from "@/server/db/schema";
import { generateToken, hashToken } from "@/server/crypto/tokens";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { assertRole } from "@/server/auth/roles";

export const inviteLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export function inviteUrl(token: string) {
  return new URL(`/invite/${token}`, env.APP_URL).toString();
}

export async function createInvite(
  db: Tx,
  input: { workspaceId: string; role: Role; createdBy: string; creatorRole: Role },
) {
  assertRole(input.creatorRole, input.role, "invite");
  const token = generateToken("inv_");
  const invite = await insertInvite(db, {
    workspaceId: input.workspaceId,
    role: input.role,
    createdBy: input.createdBy,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + inviteLifetimeMs),
  });
  return { id: invite.id, role: invite.role, expiresAt: invite.expiresAt, url: inviteUrl(token) };
}

type InviteStatus = "open" | "used" | "expired" | "revoked";

/** What the invite page shows before someone accepts: never the inviter's data beyond the workspace name. */
export async function previewInvite(db: Tx, { token }: { token: string }) {
  const row = await getInviteByTokenHash(db, { tokenHash: hashToken(token) });
  if (!row) throw new AppError("not_found:invite", "This invite link is not valid. Ask for a new one.");
  return { workspaceName: row.workspaceName, role: row.invite.role, status: inviteStatus(row.invite) };
}

export async function acceptInvite({ token, userId }: { token: string; userId: string }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await getInviteByTokenHash(tx, { tokenHash: hashToken(token) });
    if (!row) throw new AppError("not_found:invite", "This invite link is not valid. Ask for a new one.");
    const { invite } = row;
    const existing = await getMembership(tx, { workspaceId: invite.workspaceId, userId });
    if (existing) return { workspaceId: invite.workspaceId, alreadyMember: true };
    const status = inviteStatus(invite);
    if (status !== "open") throw new AppError("conflict:invite", statusMessage[status]);
    // The conditional update is the single-use guarantee: of two parallel accepts, one claims it.
    if (!(await claimInvite(tx, { id: invite.id, userId }))) {
      throw new AppError("conflict:invite", statusMessage.used);
    }
    await insertMembership(tx, { workspaceId: invite.workspaceId, userId, role: invite.role });
    return { workspaceId: invite.workspaceId, alreadyMember: false };
  });
}

const statusMessage: Record<Exclude<InviteStatus, "open">, string> = {
  used: "This invite link has already been used. Ask for a new one.",
  expired: "This invite link has expired. Ask for a new one.",
  revoked: "This invite link was revoked. Ask for a new one.",
};

function inviteStatus(invite: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): InviteStatus {
  if (invite.revokedAt) return "revoked";
  if (invite.usedAt) return "used";
  if (invite.expiresAt.getTime() <= Date.now()) return "expired";
  return "open";
}
