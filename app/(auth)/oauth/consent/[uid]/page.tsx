// The authorization server's consent page: sign in first (returning here), then allow or deny the client.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ConsentCard } from "@/components/authorization-server/consent-card";
import { ConsentProblem } from "@/components/authorization-server/consent-problem";
import { loadConsent } from "@/server/authorization-server/consent";
import { auth } from "@/server/auth/config";
import { allowAction, denyAction } from "./actions";

export const metadata: Metadata = { title: "Connect an app · Switchyard" };

export default async function ConsentPage({ params }: PageProps<"/oauth/consent/[uid]">) {
  const { uid } = await params;
  const userId = (await auth())?.user?.id;
  if (!userId) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/oauth/consent/${uid}`)}`);
  const view = await loadConsent({ uid, cookie: (await headers()).get("cookie") ?? "", userId });
  if (view.kind === "done") redirect(view.redirectTo);
  if (view.kind === "ask") return <ConsentCard view={view} allow={allowAction.bind(null, uid)} deny={denyAction.bind(null, uid)} />;
  return <ConsentProblem view={view} deny={denyAction.bind(null, uid)} />;
}
