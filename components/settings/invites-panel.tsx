"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RevokeButton } from "@/components/ui/revoke-button";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { atLeast, roleLabels, type RoleName } from "./role-label";
import { RoleOptions } from "./role-options";

export function InvitesPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const canInvite = atLeast(current.data?.role, "admin");
  const invites = useQuery({ ...trpc.invites.list.queryOptions(), enabled: canInvite });
  const [role, setRole] = useState<RoleName>("member");
  const [link, setLink] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.invites.list.queryFilter());
  const create = useMutation(
    trpc.invites.create.mutationOptions({
      onSuccess: (invite) => {
        setLink(invite.url);
        return refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const revoke = useMutation(trpc.invites.revoke.mutationOptions({ onSuccess: refresh }));

  if (!current.data || !canInvite) return null;

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Invite people</CardTitle>
        <CardDescription>
          Create a link and send it however you like. Each link works once and expires after 7 days.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="flex flex-wrap items-end gap-2">
          <label className="grid gap-1.5 text-sm font-medium">
            Role
            <NativeSelect value={role} onChange={(e) => setRole(e.target.value as RoleName)} wrapperClassName="w-36">
              <RoleOptions upTo={current.data?.role} />
            </NativeSelect>
          </label>
          <Button onClick={() => create.mutate({ role })} loading={create.isPending}>
            <Link2 aria-hidden /> Create invite link
          </Button>
        </div>
        {link && (
          <div className="grid gap-1.5 rounded-lg border bg-muted/50 p-3">
            <p className="text-sm font-medium">Copy this link now: it is shown only once.</p>
            <div className="flex gap-2">
              <Input readOnly value={link} aria-label="Invite link" className="font-mono text-xs" onFocus={(e) => e.target.select()} />
              <CopyButton value={link} label="invite link" variant="outline" />
            </div>
          </div>
        )}
        {invites.data && invites.data.length > 0 && (
          <div>
            <h3 className="mb-2 text-sm font-medium">Open invites</h3>
            <ul className="divide-y rounded-lg border" aria-label="Open invites">
              {invites.data.map((invite) => (
                <li key={invite.id} className="flex items-center gap-3 px-3 py-2 text-sm">
                  <Badge>{roleLabels[invite.role]}</Badge>
                  <span className="flex-1 text-muted-foreground">
                    Expires {new Date(invite.expiresAt).toLocaleDateString()}
                  </span>
                  <RevokeButton
                    title="Revoke this invite link?"
                    description="Anyone holding the link will no longer be able to join."
                    onConfirm={async () => {
                      await revoke.mutateAsync({ id: invite.id });
                    }}
                  />
                </li>
              ))}
            </ul>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
