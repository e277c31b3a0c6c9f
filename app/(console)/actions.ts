"use server";
// Console-wide actions: switching and creating workspaces (a cookie remembers the selection).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/server/auth/config";
import { getDb } from "@/server/db";
import { getMembership } from "@/server/db/queries/workspaces";
import { createWorkspace } from "@/server/workspaces/create-workspace";
import { workspaceCookie, workspaceCookieOptions } from "@/server/workspaces/console-session";

async function requireUserId() {
  const userId = (await auth())?.user?.id;
  if (!userId) redirect("/sign-in");
  return userId;
}

export async function switchWorkspaceAction(workspaceId: string) {
  const userId = await requireUserId();
  const membership = await getMembership(await getDb(), { workspaceId: String(workspaceId), userId });
  if (!membership) return;
  (await cookies()).set(workspaceCookie, membership.workspaceId, workspaceCookieOptions());
  redirect("/apps");
}

export async function goToNewWorkspaceAction() {
  redirect("/workspaces/new");
}

export interface CreateWorkspaceState {
  error?: string;
}

export async function createWorkspaceAction(_: CreateWorkspaceState, form: FormData): Promise<CreateWorkspaceState> {
  const userId = await requireUserId();
  const parsed = z.string().trim().min(1, "Give the workspace a name.").max(100).safeParse(form.get("name"));
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const db = await getDb();
  const workspace = await db.transaction((tx) => createWorkspace(tx, { userId, name: parsed.data }));
  (await cookies()).set(workspaceCookie, workspace.id, workspaceCookieOptions());
  redirect("/apps");
}
