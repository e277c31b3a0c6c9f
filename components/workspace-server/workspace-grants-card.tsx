"use client";
// Connected clients of the workspace MCP server (sign-in mode), for its page in Settings: the card an app's MCP
// Server tab shows, over the workspace server's grants.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ServerClientsCard } from "@/components/authorization-server/server-clients-card";
import { useTRPC } from "@/components/trpc/trpc-provider";

export function WorkspaceGrantsCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const grants = useQuery(trpc.workspaceServer.listGrants.queryOptions());
  const revoke = useMutation(trpc.workspaceServer.revokeGrant.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.workspaceServer.listGrants.queryFilter()) }));
  return <ServerClientsCard grants={grants} revoke={(grantId) => revoke.mutateAsync({ grantId })} />;
}
