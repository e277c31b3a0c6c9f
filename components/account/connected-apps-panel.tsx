"use client";
// Account -> Connected apps: the clients you let reach a published server (an app's, or a workspace's MCP server)
// by signing in, in every workspace, with Revoke. Revoking ends the client's access at its next request.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { GrantListCard } from "@/components/authorization-server/grant-list-card";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { formatWhen } from "@/components/ui/format-when";
import { RevokeButton } from "@/components/ui/revoke-button";

export function ConnectedAppsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const grants = useQuery(trpc.account.listMyGrants.queryOptions());
  const revoke = useMutation(trpc.account.revokeMyGrant.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.account.listMyGrants.queryFilter()) }));

  return (
    <GrantListCard
      title="Connected apps"
      description="Clients such as Claude or ChatGPT that you signed in to a published server with. Revoke one to end its access."
      empty={{ title: "No connected apps", text: "When you sign in to a Switchyard MCP server from a client, it shows here." }}
      grants={grants}
      row={(g) => (
        <>
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium" title={g.clientId}>
              {g.clientName} <span className="font-normal text-muted-foreground">→ {g.serverName}</span>
            </p>
            <p className="text-xs text-muted-foreground">
              {g.workspaceName} · granted {formatWhen(g.createdAt)} · last used {formatWhen(g.lastUsedAt)}
            </p>
          </div>
          <RevokeButton
            title={`Disconnect ${g.clientName} from ${g.serverName}?`}
            description="Its tokens stop working at the next request. You can connect it again by signing in from the client."
            confirmLabel="Revoke access"
            onConfirm={async () => {
              await revoke.mutateAsync({ grantId: g.grantId });
              toast.success(`${g.clientName} disconnected`);
            }}
          />
        </>
      )}
    />
  );
}
