"use client";
// Account -> Connected apps: the clients you let reach a published server by signing in, in every workspace, with
// Revoke. Revoking ends the client's access at its next request.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PlugZap } from "lucide-react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { formatWhen } from "@/components/ui/format-when";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RevokeButton } from "@/components/ui/revoke-button";
import { Skeleton } from "@/components/ui/skeleton";

export function ConnectedAppsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const grants = useQuery(trpc.account.listMyGrants.queryOptions());
  const revoke = useMutation(trpc.account.revokeMyGrant.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.account.listMyGrants.queryFilter()) }));

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Connected apps</CardTitle>
        <CardDescription>Clients such as Claude or ChatGPT that you signed in to a published server with. Revoke one to end its access.</CardDescription>
      </CardHeader>
      <CardContent className="p-0">
        {grants.isPending ? (
          <div className="p-6">
            <Skeleton className="h-10" />
          </div>
        ) : grants.isError ? (
          <p className="p-6 text-sm text-destructive">{grants.error.message}</p>
        ) : grants.data.length === 0 ? (
          <div className="flex flex-col items-center gap-2 border-t px-6 py-8 text-center">
            <PlugZap aria-hidden className="size-5 text-muted-foreground" />
            <p className="text-sm font-medium">No connected apps</p>
            <p className="max-w-sm text-[13px] text-muted-foreground">When you sign in to a Switchyard MCP server from a client, it shows here.</p>
          </div>
        ) : (
          <ul className="divide-y border-t" aria-label="Connected apps">
            {grants.data.map((g) => (
              <li key={g.grantId} className="flex flex-wrap items-center gap-3 px-6 py-3">
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium" title={g.clientId}>
                    {g.clientName} <span className="font-normal text-muted-foreground">→ {g.appName}</span>
                  </p>
                  <p className="text-xs text-muted-foreground">
                    {g.workspaceName} · granted {formatWhen(g.createdAt)} · last used {formatWhen(g.lastUsedAt)}
                  </p>
                </div>
                <RevokeButton
                  title={`Disconnect ${g.clientName} from ${g.appName}?`}
                  description="Its tokens stop working at the next request. You can connect it again by signing in from the client."
                  confirmLabel="Revoke access"
                  onConfirm={async () => {
                    await revoke.mutateAsync({ grantId: g.grantId });
                    toast.success(`${g.clientName} disconnected`);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
