// The authorization server's consent page: sign in first (returning here), then allow or deny the client.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ConsentCard } from "@/components/authorization-server/consent-card";
import { ConsentProblem } from "@/components/authorization-server/consent-problem";
import { ReloadInBrowser } from "@/components/authorization-server/reload-in-browser";
import { loadConsent } from "@/server/authorization-server/consent";
import { auth } from "@/server/auth/config";
import { allowAction, denyAction } from "./actions";

export const metadata: Metadata = { title: "Connect an app · Switchyard" };

export default async function ConsentPage({ params, searchParams }: PageProps<"/oauth/consent/[uid]">) {
  const { uid } = await params;
  const userId = (await auth())?.user?.id;
  if (!userId) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/oauth/consent/${uid}`)}`);
  const cookie = (await headers()).get("cookie") ?? "";
  const view = await loadConsent({ uid, cookie, userId });
  // Rendered right after the sign-in action, without the interaction cookie: once more from the browser (reloaded=1
  // stops a loop when the cookie is truly missing, as in another browser).
  if (view.kind === "expired" && !/(^|;\s*)_interaction=/.test(cookie) && !(await searchParams).reloaded) {
    return <ReloadInBrowser href={`/oauth/consent/${encodeURIComponent(uid)}?reloaded=1`} />;
  }
  if (view.kind === "done") redirect(view.redirectTo);
  if (view.kind === "ask") return <ConsentCard view={view} allow={allowAction.bind(null, uid)} deny={denyAction.bind(null, uid)} />;
  return <ConsentProblem view={view} deny={denyAction.bind(null, uid)} />;
}
