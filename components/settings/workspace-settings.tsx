"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { atLeast } from "./role-label";

export function WorkspaceSettings() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const [name, setName] = useState<string | null>(null);
  const rename = useMutation(
    trpc.workspaces.rename.mutationOptions({
      onSuccess: async () => {
        toast.success("Workspace renamed");
        await queryClient.invalidateQueries(trpc.workspaces.pathFilter());
        router.refresh();
      },
    }),
  );

  if (current.isPending) return <Skeleton className="h-48 w-full max-w-2xl" />;
  if (current.isError) return <p className="text-sm text-destructive">{current.error.message}</p>;

  const canEdit = atLeast(current.data.role, "admin");
  const value = name ?? current.data.name;
  function submit(event: FormEvent) {
    event.preventDefault();
    rename.mutate({ name: value });
  }

  return (
    <Card className="max-w-2xl">
      <form onSubmit={submit}>
        <CardHeader>
          <CardTitle as="h2">Workspace</CardTitle>
          <CardDescription>
            {canEdit ? "The name everyone in this workspace sees." : "Only owners and admins can rename the workspace."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Field label="Name" error={rename.error?.message}>
            <Input value={value} onChange={(e) => setName(e.target.value)} maxLength={100} disabled={!canEdit} required />
          </Field>
        </CardContent>
        {canEdit && (
          <CardFooter className="justify-end">
            <Button type="submit" loading={rename.isPending} disabled={value.trim() === current.data.name}>
              Save
            </Button>
          </CardFooter>
        )}
      </form>
    </Card>
  );
}
