"use client";
// Connected clients of an app's server (sign-in mode), on its MCP Server tab.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ServerClientsCard } from "@/components/authorization-server/server-clients-card";
import { useTRPC } from "@/components/trpc/trpc-provider";

export function ConnectedClientsCard({ appId }: { appId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const grants = useQuery(trpc.publishedServers.listGrants.queryOptions({ appId }));
  const revoke = useMutation(
    trpc.publishedServers.revokeGrant.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.publishedServers.listGrants.queryFilter({ appId })) }),
  );
  return <ServerClientsCard grants={grants} revoke={(grantId) => revoke.mutateAsync({ appId, grantId })} />;
}
