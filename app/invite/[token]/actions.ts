"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/server/auth/config";
import { isAppError } from "@/server/errors";
import { workspaceCookie, workspaceCookieOptions } from "@/server/workspaces/console-session";
import { acceptInvite } from "@/server/workspaces/invites";

export async function acceptInviteAction(_: { error?: string }, form: FormData): Promise<{ error?: string }> {
  const token = String(form.get("token") ?? "");
  const userId = (await auth())?.user?.id;
  if (!userId) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`);
  let workspaceId: string;
  try {
    ({ workspaceId } = await acceptInvite({ token, userId }));
  } catch (error) {
    if (isAppError(error) && (error.type === "conflict" || error.type === "not_found")) return { error: error.message };
    throw error;
  }
  (await cookies()).set(workspaceCookie, workspaceId, workspaceCookieOptions());
  redirect("/apps");
}
