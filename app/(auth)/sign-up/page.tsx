// Sign-up page: creates the account and its first workspace.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { auth, oauthProviders } from "@/server/auth/config";
import { signInWithProviderAction, signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create account · Switchyard" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  if ((await auth())?.user) redirect(callbackUrl?.startsWith("/") ? callbackUrl : "/apps");
  return (
    <AuthForm
      mode="sign-up"
      action={signUpAction}
      callbackUrl={callbackUrl}
      providers={oauthProviders}
      providerAction={signInWithProviderAction}
    />
  );
}
