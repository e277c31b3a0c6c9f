"use client";
// Connected clients (sign-in mode): every client a person let reach this server, with Revoke. A revoked client's
// tokens stop working at its next request, on every instance.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { GrantListCard } from "@/components/authorization-server/grant-list-card";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { formatWhen } from "@/components/ui/format-when";
import { RevokeButton } from "@/components/ui/revoke-button";

export function ConnectedClientsCard({ appId }: { appId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const grants = useQuery(trpc.publishedServers.listGrants.queryOptions({ appId }));
  const revoke = useMutation(
    trpc.publishedServers.revokeGrant.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.publishedServers.listGrants.queryFilter({ appId })) }),
  );

  return (
    <GrantListCard
      title="Connected clients"
      description="Clients that people signed in to with their Switchyard account. Revoke one and it must ask again."
      empty={{ title: "No client connected yet", text: "When someone adds this server to Claude, ChatGPT or another client and signs in, it shows here." }}
      grants={grants}
      row={(g) => (
        <>
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
        </>
      )}
    />
  );
}
