import "server-only";
import type { Tx } from "@/server/db";
import { insertMembership, insertWorkspace } from "@/server/db/queries/workspaces";

/** A new workspace with `userId` as its owner; run inside the caller's transaction. */
export async function createWorkspace(tx: Tx, { userId, name }: { userId: string; name: string }) {
  const workspace = await insertWorkspace(tx, { name });
  await insertMembership(tx, { workspaceId: workspace.id, userId, role: "owner" });
  return workspace;
}

export function defaultWorkspaceName(user: { name?: string | null; email: string }) {
  const who = user.name?.trim() || user.email.split("@")[0];
  return `${who}'s workspace`;
}
