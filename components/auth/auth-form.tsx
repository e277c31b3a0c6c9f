"use client";
// The email + password form shared by sign-in and sign-up; the server action does all checking.
import Link from "next/link";
import { startTransition, useActionState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { AuthFormState } from "@/app/(auth)/actions";

interface AuthFormProps {
  mode: "sign-in" | "sign-up";
  action: (state: AuthFormState, form: FormData) => Promise<AuthFormState>;
  callbackUrl?: string;
  notice?: string;
  providers: { id: string; name: string }[];
  providerAction: (form: FormData) => Promise<void>;
}

const copy = {
  "sign-in": {
    title: "Sign in to Switchyard",
    description: "Welcome back. Enter your email and password.",
    submit: "Sign in",
    switchText: "New here?",
    switchLink: "Create an account",
    switchHref: "/sign-up",
  },
  "sign-up": {
    title: "Create your account",
    description: "A workspace is created for you; invite your team later.",
    submit: "Create account",
    switchText: "Already have an account?",
    switchLink: "Sign in",
    switchHref: "/sign-in",
  },
};

export function AuthForm({ mode, action, callbackUrl, notice, providers, providerAction }: AuthFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  const text = copy[mode];
  // React resets a form after its action runs, which emptied every field the server had just refused (a Name lost
  // here was an account created nameless). Submitting through the action ourselves keeps what the person typed; the
  // form's `action` still works before JavaScript loads, and the server echoes name and email for that case.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  const switchHref = callbackUrl ? `${text.switchHref}?callbackUrl=${encodeURIComponent(callbackUrl)}` : text.switchHref;

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{text.title}</CardTitle>
        <CardDescription>{text.description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {notice && (
          <p role="status" className="rounded-md border bg-muted px-3 py-2 text-sm text-muted-foreground">
            {notice}
          </p>
        )}
        <form action={formAction} onSubmit={submit} className="grid gap-4" noValidate>
          <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
          {mode === "sign-up" && (
            <Field label="Name" optional error={state.fieldErrors?.name}>
              <Input name="name" autoComplete="name" maxLength={100} defaultValue={state.name} />
            </Field>
          )}
          <Field label="Email" error={state.fieldErrors?.email}>
            <Input name="email" type="email" autoComplete="email" required defaultValue={state.email} autoFocus />
          </Field>
          <Field
            label="Password"
            error={state.fieldErrors?.password}
            hint={mode === "sign-up" ? "At least 8 characters, and not one of the most common passwords." : undefined}
          >
            <Input
              name="password"
              type="password"
              autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
              required
              minLength={mode === "sign-up" ? 8 : undefined}
            />
          </Field>
          {state.error && (
            <p role="alert" className="text-sm text-destructive">
              {state.error}
            </p>
          )}
          <Button type="submit" loading={pending} className="w-full">
            {text.submit}
          </Button>
        </form>
        {providers.length > 0 && (
          <div className="grid gap-2">
            <div className="flex items-center gap-3 text-xs text-muted-foreground">
              <span className="h-px flex-1 bg-border" /> or <span className="h-px flex-1 bg-border" />
            </div>
            {providers.map((provider) => (
              <form key={provider.id} action={providerAction}>
                <input type="hidden" name="provider" value={provider.id} />
                <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
                <Button type="submit" variant="outline" className="w-full">
                  Continue with {provider.name}
                </Button>
              </form>
            ))}
          </div>
        )}
        <p className="text-center text-sm text-muted-foreground">
          {text.switchText}{" "}
          <Link href={switchHref} className="font-medium text-foreground underline-offset-4 hover:underline">
            {text.switchLink}
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
