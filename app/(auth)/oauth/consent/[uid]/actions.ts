"use server";
// The consent page's two answers; each resumes the authorization at the provider, which returns to the client.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { answerConsent } from "@/server/authorization-server/consent";
import { auth } from "@/server/auth/config";

async function answer(uid: string, approve: boolean) {
  const userId = (await auth())?.user?.id;
  if (!userId) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/oauth/consent/${uid}`)}`);
  const redirectTo = await answerConsent({ uid: String(uid), cookie: (await headers()).get("cookie") ?? "", userId, approve });
  // null: the interaction expired or belongs to another browser; the page then says so.
  redirect(redirectTo ?? `/oauth/consent/${encodeURIComponent(String(uid))}`);
}

export async function allowAction(uid: string) {
  await answer(uid, true);
}

export async function denyAction(uid: string) {
  await answer(uid, false);
}
