"use client";
import { useActionState } from "react";
import { acceptInviteAction } from "@/app/invite/[token]/actions";
import { Button } from "@/components/ui/button";

export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState(acceptInviteAction, {});
  return (
    <form action={action} className="grid gap-3">
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-muted-foreground">
        Signed in as <span className="font-medium text-foreground">{email}</span>.
      </p>
      {state.error && (
        <p role="alert" className="text-sm text-destructive">
          {state.error}
        </p>
      )}
      <Button type="submit" loading={pending}>
        Accept invite
      </Button>
    </form>
  );
}
