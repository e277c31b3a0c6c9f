// Who may use a published server in "Switchyard sign-in" mode: a member of its workspace (every role counts: member
// is the lowest), and, when the owner chose people, one of them. Asked on the consent page and again on every call,
// so a person removed from the workspace or the list stops at once.
import "server-only";
import { getDb } from "@/server/db";
import { isChosenPerson } from "@/server/db/queries/oauth-server-resources";
import { getMembership } from "@/server/db/queries/workspaces";

export type SignInVerdict = { ok: true } | { ok: false; reason: "not_member" | "not_chosen" };

/** `appId` null: the workspace server. */
export async function maySignIn({ workspaceId, appId, signInRestricted, userId }: { workspaceId: string; appId: string | null; signInRestricted: boolean; userId: string }): Promise<SignInVerdict> {
  const db = await getDb();
  if (!(await getMembership(db, { workspaceId, userId }))) return { ok: false, reason: "not_member" };
  if (signInRestricted && !(await isChosenPerson(db, { workspaceId, appId, userId }))) return { ok: false, reason: "not_chosen" };
  return { ok: true };
}
