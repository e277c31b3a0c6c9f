// Which workspace a caller acts in, and with what role: the one check behind tRPC and route handlers alike.
import "server-only";
import { getDb } from "@/server/db";
import { getMembership, listWorkspacesForUser } from "@/server/db/queries/workspaces";
import type { Role } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/api/context";
import { assertRole } from "./roles";

export interface WorkspaceAccess {
  workspaceId: string;
  role: Role;
  /** Null when an API key is calling. */
  userId: string | null;
}

export async function resolveWorkspaceAccess(actor: Actor | null, requestedWorkspaceId: string | null): Promise<WorkspaceAccess> {
  if (!actor) throw new AppError("unauthorized:session", "Sign in to continue.");
  // An API key belongs to one workspace; a header naming another changes nothing.
  if (actor.kind === "apiKey") return { workspaceId: actor.workspaceId, role: actor.role, userId: null };
  const db = await getDb();
  const workspaceId = requestedWorkspaceId ?? (await listWorkspacesForUser(db, { userId: actor.userId }))[0]?.id ?? null;
  const membership = workspaceId ? await getMembership(db, { workspaceId, userId: actor.userId }) : null;
  if (!membership) throw new AppError("not_found:workspace", "Workspace not found, or you are not a member.");
  return { workspaceId: membership.workspaceId, role: membership.role, userId: actor.userId };
}

export async function assertWorkspaceAccess(actor: Actor | null, requestedWorkspaceId: string | null, required: Role) {
  const access = await resolveWorkspaceAccess(actor, requestedWorkspaceId);
  assertRole(access.role, required);
  return access;
}
