"use client";
import { useActionState } from "react";
import { createWorkspaceAction } from "@/app/(console)/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function CreateWorkspaceForm({ title = "Create a workspace" }: { title?: string }) {
  const [state, action, pending] = useActionState(createWorkspaceAction, {});
  return (
    <Card className="mx-auto w-full max-w-md">
      <CardHeader>
        <CardTitle as="h1">{title}</CardTitle>
        <CardDescription>Workspaces keep a team&apos;s apps, tools and keys together.</CardDescription>
      </CardHeader>
      <CardContent>
        <form action={action} className="grid gap-4">
          <Field label="Workspace name" error={state.error}>
            <Input name="name" required maxLength={100} placeholder="Acme AI team" autoFocus />
          </Field>
          <Button type="submit" loading={pending}>
            Create workspace
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
