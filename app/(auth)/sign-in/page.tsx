// Sign-in page.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { auth, oauthProviders } from "@/server/auth/config";
import { signInAction, signInWithProviderAction } from "../actions";

export const metadata: Metadata = { title: "Sign in · Switchyard" };

const errorNotices: Record<string, string> = {
  OAuthAccountNotLinked: "That email already has an account. Sign in with your password.",
  AccessDenied: "Sign-in was cancelled or refused.",
};

// The same words whether the email was new or already had an account (server/auth/request-sign-up.ts).
const signedUpNotice =
  "Done. Sign in with your email and password to continue. If this email already had an account, it is unchanged: use its password.";

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  if ((await auth())?.user) redirect(callbackUrl?.startsWith("/") ? callbackUrl : "/apps");
  const error = typeof params.error === "string" ? params.error : undefined;
  const signedUp = params.signedUp === "1";
  return (
    <AuthForm
      mode="sign-in"
      action={signInAction}
      callbackUrl={callbackUrl}
      notice={error ? (errorNotices[error] ?? "Sign-in failed. Try again.") : signedUp ? signedUpNotice : undefined}
      providers={oauthProviders}
      providerAction={signInWithProviderAction}
    />
  );
}
