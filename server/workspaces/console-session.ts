import "server-only";
import { getDb } from "@/server/db";
import { getUserById } from "@/server/db/queries/users";
import { listWorkspacesForUser } from "@/server/db/queries/workspaces";
import { usesHttps } from "@/server/http/security-headers";

export const workspaceCookie = "sy_workspace";

/** The selected workspace's cookie: a year, never readable by scripts, Secure whenever APP_URL is https. */
export const workspaceCookieOptions = () => ({ httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: 60 * 60 * 24 * 365, secure: usesHttps() });

/** The signed-in user, their workspaces, and the selected one (the cookie's if still a member, else the first). */
export async function getConsoleSession({ userId, selectedWorkspaceId }: { userId: string; selectedWorkspaceId?: string }) {
  const db = await getDb();
  const [user, workspaces] = await Promise.all([getUserById(db, { id: userId }), listWorkspacesForUser(db, { userId })]);
  if (!user) return null;
  const current = workspaces.find((w) => w.id === selectedWorkspaceId) ?? workspaces[0] ?? null;
  return {
    user: { id: user.id, name: user.name, email: user.email },
    workspaces: workspaces.map((w) => ({ id: w.id, name: w.name, role: w.role })),
    current,
  };
}
