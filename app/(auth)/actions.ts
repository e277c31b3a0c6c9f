"use server";
// Sign-in, sign-up and sign-out as server actions: the forms work before any JavaScript loads.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/server/auth/config";
import { requestSignUp } from "@/server/auth/request-sign-up";
import { signUpSchema } from "@/server/auth/sign-up";
import { clientSubject } from "@/server/client-address/client-address";
import { isAppError } from "@/server/errors";

export interface AuthFormState {
  error?: string;
  fieldErrors?: Partial<Record<"name" | "email" | "password", string>>;
  email?: string;
  /** Echoed so a refused sign-up keeps its Name even without JavaScript. */
  name?: string;
}

function safeRedirect(value: FormDataEntryValue | null): string {
  const target = typeof value === "string" ? value : "";
  // Only same-site paths: never an open redirect to another origin.
  return target.startsWith("/") && !target.startsWith("//") ? target : "/apps";
}

export async function signInAction(_: AuthFormState, form: FormData): Promise<AuthFormState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: form.get("password"),
      redirectTo: safeRedirect(form.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return { email, error: "Too many failed attempts. Wait a moment (after many, up to a few minutes), then try again." };
    }
    if (error instanceof AuthError) return { email, error: "Wrong email or password." };
    throw error;
  }
}

export async function signUpAction(_: AuthFormState, form: FormData): Promise<AuthFormState> {
  const input = { name: form.get("name") || undefined, email: form.get("email"), password: form.get("password") };
  const parsed = signUpSchema.safeParse(input);
  const email = typeof input.email === "string" ? input.email : "";
  const name = typeof input.name === "string" ? input.name : "";
  if (!parsed.success) {
    const fieldErrors: AuthFormState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof NonNullable<AuthFormState["fieldErrors"]>;
      fieldErrors[key] ??= issue.message;
    }
    return { email, name, fieldErrors };
  }
  try {
    await requestSignUp(parsed.data, { address: clientSubject(await headers()) });
  } catch (error) {
    if (isAppError(error) && error.type === "rate_limit") return { email, name, error: error.message };
    throw error;
  }
  // Never signed in from here: a known email must look exactly like a new one (see server/auth/request-sign-up.ts).
  const callbackUrl = form.get("callbackUrl");
  const query = new URLSearchParams({ signedUp: "1" });
  if (typeof callbackUrl === "string" && callbackUrl) query.set("callbackUrl", safeRedirect(callbackUrl));
  redirect(`/sign-in?${query}`);
}

export async function signInWithProviderAction(form: FormData) {
  await signIn(String(form.get("provider")), { redirectTo: safeRedirect(form.get("callbackUrl")) });
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
