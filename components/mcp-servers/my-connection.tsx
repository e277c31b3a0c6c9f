"use client";
// The OAuth part of a per-person server's sheet: the signed-in person's own connection (every member has one to
// make), with Connect / Reconnect and Disconnect for themselves. Nobody sees anyone else's.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, RefreshCw, Unplug } from "lucide-react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import type { McpServerView, MyConnectionView } from "./mcp-server-types";
import { useAuthorizeServer } from "./oauth-authorize";
import { relativeTime } from "./relative-time";

function summary(mine: MyConnectionView | undefined) {
  if (!mine?.connected) return mine?.statusReason ?? "You have not connected your account yet.";
  const expires = mine.tokenExpiresAt ? new Date(mine.tokenExpiresAt) : null;
  return `Your account is connected${expires && expires.getTime() > Date.now() ? ` · token expires ${relativeTime(expires)}` : ""}`;
}

export function MyConnection({ server }: { server: McpServerView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const connections = useQuery(trpc.mcpServers.myConnections.queryOptions());
  const disconnect = useMutation(trpc.mcpServers.disconnectMine.mutationOptions());
  const { start, pendingId } = useAuthorizeServer();
  const mine = connections.data?.find((c) => c.serverId === server.id);
  const pending = pendingId === server.id;
  const label = mine ? "Reconnect" : "Connect";
  const Icon = mine ? RefreshCw : KeyRound;

  async function forget() {
    try {
      const { revoked } = await disconnect.mutateAsync({ id: server.id });
      toast.success("Your account was disconnected", { description: revoked ? "Your tokens were revoked and forgotten." : "Your tokens were forgotten." });
      await queryClient.invalidateQueries(trpc.mcpServers.pathFilter());
    } catch (error) {
      toast.error("Could not disconnect", { description: error instanceof Error ? error.message : undefined });
    }
  }

  return (
    <section aria-labelledby="drawer-my-connection-heading" className="grid gap-2 rounded-lg border px-3 py-2.5 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="drawer-my-connection-heading" className="font-semibold">
          Your connection
        </h3>
        <div className="flex gap-2">
          <Button
            size="sm"
            variant={mine?.connected ? "outline" : "default"}
            loading={pending}
            disabled={connections.isPending}
            onClick={() => void start(server)}
            aria-label={`${label} your account to ${server.name}`}
          >
            {!pending && <Icon aria-hidden />} {pending ? "Waiting for authorization…" : label}
          </Button>
          {mine?.connected && (
            <Button variant="outline" size="sm" loading={disconnect.isPending} onClick={() => void forget()}>
              {!disconnect.isPending && <Unplug aria-hidden />} Disconnect
            </Button>
          )}
        </div>
      </div>
      <p className="text-muted-foreground">Each member connects their own account; your runs use yours.</p>
      {connections.isError ? (
        <p role="alert" className="text-destructive">
          Could not load your connection. {connections.error.message}
        </p>
      ) : (
        <p data-testid="my-connection-summary">{connections.isPending ? "Loading…" : summary(mine)}</p>
      )}
    </section>
  );
}
