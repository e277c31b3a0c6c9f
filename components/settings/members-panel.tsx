"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { NativeSelect } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { KeysAtStake } from "./keys-at-stake";
import { atLeast, roleLabels, type RoleName } from "./role-label";
import { RoleOptions } from "./role-options";

interface PendingDemotion {
  userId: string;
  label: string;
  role: RoleName;
}

export function MembersPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const members = useQuery(trpc.members.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.members.list.queryFilter());
  const updateRole = useMutation(
    trpc.members.updateRole.mutationOptions({
      onSuccess: () => {
        toast.success("Role updated");
        return refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSuccess: refresh }));
  // Lowering a role can revoke API keys, so it is confirmed first; raising one applies at once.
  const [demotion, setDemotion] = useState<PendingDemotion | null>(null);

  const myRole = current.data?.role;
  const canManage = atLeast(myRole, "admin");
  // A workspace keeps at least one owner (the server refuses otherwise): the sole owner is offered neither a role
  // change nor Remove, only a note saying why.
  const ownerCount = members.data?.filter((m) => m.role === "owner").length ?? 0;

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Members</CardTitle>
        <CardDescription>
          Owners and admins manage members. Editors build apps and tools; members use them.
        </CardDescription>
      </CardHeader>
      <CardContent className="p-0">
        {members.isPending ? (
          <div className="grid gap-2 p-6">
            <Skeleton className="h-10" />
            <Skeleton className="h-10" />
          </div>
        ) : members.isError ? (
          <p className="p-6 text-sm text-destructive">{members.error.message}</p>
        ) : (
          <ul className="divide-y border-t" aria-label="Members">
            {members.data.map((member) => {
              const soleOwner = member.role === "owner" && ownerCount === 1;
              const editable = canManage && atLeast(myRole, member.role) && !soleOwner;
              return (
                <li key={member.userId} className="flex flex-wrap items-center gap-3 px-5 py-3 sm:px-6">
                  <div className="min-w-0 flex-1 basis-48">
                    <p className="truncate text-sm font-medium">{member.name || member.email}</p>
                    <p className="truncate text-xs text-muted-foreground">{member.email}</p>
                  </div>
                  {editable ? (
                    <NativeSelect
                      aria-label={`Role of ${member.email}`}
                      wrapperClassName="w-32"
                      value={member.role}
                      disabled={updateRole.isPending}
                      onChange={(e) => {
                        const role = e.target.value as RoleName;
                        if (atLeast(role, member.role)) updateRole.mutate({ userId: member.userId, role });
                        else setDemotion({ userId: member.userId, label: member.name || member.email, role });
                      }}
                    >
                      <RoleOptions upTo={myRole} />
                    </NativeSelect>
                  ) : (
                    <div className="flex flex-wrap items-center justify-end gap-2">
                      {soleOwner && canManage && (
                        <span className="text-xs text-muted-foreground">Only owner: make someone else an owner to change this</span>
                      )}
                      <Badge>{roleLabels[member.role]}</Badge>
                    </div>
                  )}
                  {editable && (
                    <ConfirmDialog
                      title={`Remove ${member.name || member.email}?`}
                      description={
                        <>
                          They lose access to this workspace at once. You can invite them again later.
                          <KeysAtStake userId={member.userId} />
                        </>
                      }
                      confirmLabel="Remove"
                      destructive
                      onConfirm={async () => {
                        await remove.mutateAsync({ userId: member.userId });
                        toast.success("Member removed");
                      }}
                      trigger={
                        <Button variant="ghost" size="sm">
                          Remove
                        </Button>
                      }
                    />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
      {demotion && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setDemotion(null)}
          title={`Make ${demotion.label} ${article(demotion.role)} ${roleLabels[demotion.role].toLowerCase()}?`}
          description={<KeysAtStake userId={demotion.userId} role={demotion.role} />}
          confirmLabel="Change role"
          onConfirm={async () => {
            await updateRole.mutateAsync({ userId: demotion.userId, role: demotion.role });
            setDemotion(null);
          }}
        />
      )}
    </Card>
  );
}

function article(role: RoleName) {
  return role === "member" ? "a" : "an";
}
