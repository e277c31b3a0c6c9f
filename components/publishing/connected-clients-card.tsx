"use client";
// Connected clients (sign-in mode): every client a person let reach this server, with Revoke. A revoked client's
// tokens stop working at its next request, on every instance.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PlugZap } from "lucide-react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { formatWhen } from "@/components/ui/format-when";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RevokeButton } from "@/components/ui/revoke-button";
import { Skeleton } from "@/components/ui/skeleton";

export function ConnectedClientsCard({ appId }: { appId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const grants = useQuery(trpc.publishedServers.listGrants.queryOptions({ appId }));
  const revoke = useMutation(
    trpc.publishedServers.revokeGrant.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.publishedServers.listGrants.queryFilter({ appId })) }),
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Connected clients</CardTitle>
        <CardDescription>Clients that people signed in to with their Switchyard account. Revoke one and it must ask again.</CardDescription>
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
            <p className="text-sm font-medium">No client connected yet</p>
            <p className="max-w-sm text-[13px] text-muted-foreground">When someone adds this server to Claude, ChatGPT or another client and signs in, it shows here.</p>
          </div>
        ) : (
          <ul className="divide-y border-t" aria-label="Connected clients">
            {grants.data.map((g) => (
              <li key={g.grantId} className="flex flex-wrap items-center gap-3 px-6 py-3">
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium" title={g.clientId}>
                    {g.clientName} <span className="font-normal text-muted-foreground">· {g.userName || g.userEmail}</span>
                  </p>
                  <p className="text-xs text-muted-foreground">
                    Granted {formatWhen(g.createdAt)} · last used {formatWhen(g.lastUsedAt)} · returns to {g.redirectHost}
                  </p>
                </div>
                <RevokeButton
                  title={`Revoke ${g.clientName} for ${g.userName || g.userEmail}?`}
                  description="Its tokens stop working at the next request. To use this server again, the person signs in again from the client."
                  confirmLabel="Revoke access"
                  onConfirm={async () => {
                    await revoke.mutateAsync({ appId, grantId: g.grantId });
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
