// Invite link: shows which workspace it joins, then accepts for the signed-in user.
import Link from "next/link";
import { Logo } from "@/components/shell/logo";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AcceptInviteForm } from "@/components/workspaces/accept-invite-form";
import { auth } from "@/server/auth/config";
import { getDb } from "@/server/db";
import { isAppError } from "@/server/errors";
import { previewInvite } from "@/server/workspaces/invites";

export const dynamic = "force-dynamic";

const statusText = {
  used: "This invite link has already been used. Ask for a new one.",
  expired: "This invite link has expired. Ask for a new one.",
  revoked: "This invite link was revoked. Ask for a new one.",
};

async function loadPreview(token: string) {
  try {
    return await previewInvite(await getDb(), { token: token.slice(0, 200) });
  } catch (error) {
    if (isAppError(error) && error.type === "not_found") return null;
    throw error;
  }
}

export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const [preview, session] = await Promise.all([loadPreview(token), auth()]);
  const callbackUrl = encodeURIComponent(`/invite/${token}`);

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-muted/40 px-4 py-12">
      <div className="mb-8">
        <Logo />
      </div>
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle as="h1">{preview ? `Join ${preview.workspaceName}` : "Invite not found"}</CardTitle>
          <CardDescription>
            {!preview
              ? "This invite link is not valid. Ask for a new one."
              : preview.status !== "open"
                ? statusText[preview.status]
                : `You have been invited with the ${preview.role} role.`}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          {preview?.status === "open" &&
            (session?.user ? (
              <AcceptInviteForm token={token} email={session.user.email ?? ""} />
            ) : (
              <>
                <Button asChild>
                  <Link href={`/sign-up?callbackUrl=${callbackUrl}`}>Create an account to join</Link>
                </Button>
                <Button asChild variant="outline">
                  <Link href={`/sign-in?callbackUrl=${callbackUrl}`}>I already have an account</Link>
                </Button>
              </>
            ))}
          {(!preview || preview.status !== "open") && (
            <Button asChild variant="outline">
              <Link href="/">Go to Switchyard</Link>
            </Button>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
