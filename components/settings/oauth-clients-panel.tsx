"use client";
// Settings -> OAuth clients: the workspace's pre-registered clients of its sign-in MCP servers; create, delete.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, ShieldCheck } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CardListStates } from "@/components/ui/card-list-states";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { CreateOauthClientDialog } from "./create-oauth-client-dialog";
import { atLeast } from "./role-label";

export function OauthClientsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const canManage = atLeast(current.data?.role, "admin");
  const clients = useQuery({ ...trpc.oauthClients.list.queryOptions(), enabled: canManage });
  const [open, setOpen] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.oauthClients.list.queryFilter());
  const remove = useMutation(trpc.oauthClients.delete.mutationOptions({ onSuccess: refresh }));

  if (current.isPending) return <Skeleton className="h-40" />;
  if (!canManage) {
    return <EmptyState icon={ShieldCheck} title="OAuth clients are managed by owners and admins" description="Ask an owner or admin of this workspace to register a client." />;
  }

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <CardTitle as="h2">OAuth clients</CardTitle>
          <CardDescription>
            Clients registered by hand for MCP servers in &ldquo;Switchyard sign-in&rdquo; mode. Claude and ChatGPT register
            themselves: add one here only for a client that asks for a client ID.
          </CardDescription>
        </div>
        <Button onClick={() => setOpen(true)}>
          <Plus aria-hidden /> Register client
        </Button>
      </CardHeader>
      <CardListStates
        query={clients}
        empty={
          <p className="border-t px-6 py-8 text-center text-sm text-muted-foreground">No OAuth clients yet.</p>
        }
      >
        {(rows) => (
          <ul className="divide-y border-t" aria-label="OAuth clients">
            {rows.map((client) => (
              <li key={client.clientId} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-6 py-3">
                <div className="min-w-0 flex-1 basis-full sm:basis-0">
                  <p className="truncate text-sm font-medium">{client.name}</p>
                  <p className="flex min-w-0 items-center gap-1 text-xs text-muted-foreground">
                    <span className="truncate font-mono">{client.clientId}</span>
                    <CopyButton value={client.clientId} label={`client ID of ${client.name}`} />
                  </p>
                  <ul className="text-xs text-muted-foreground" aria-label={`Redirect URIs of ${client.name}`}>
                    {client.redirectUris.map((uri) => (
                      <li key={uri} className="break-all font-mono">
                        {uri}
                      </li>
                    ))}
                  </ul>
                  <p className="text-xs text-muted-foreground">
                    Created {new Date(client.createdAt).toLocaleString()}
                    {client.creatorEmail ? ` by ${client.creatorName ? `${client.creatorName} (${client.creatorEmail})` : client.creatorEmail}` : ""}
                  </p>
                </div>
                <span className="flex-1 sm:hidden" />
                <Badge title={client.tokenEndpointAuthMethod}>{client.type === "public" ? "Public" : "Confidential"}</Badge>
                <ConfirmDialog
                  title={`Delete "${client.name}"?`}
                  description="Everyone who connected through this client is signed out of its MCP servers at once, and it cannot sign anyone in again. This cannot be undone."
                  confirmLabel="Delete client"
                  destructive
                  onConfirm={async () => {
                    await remove.mutateAsync({ id: client.clientId });
                    toast.success("Client deleted");
                  }}
                  trigger={
                    <Button variant="ghost" size="sm">
                      Delete
                    </Button>
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </CardListStates>
      <CreateOauthClientDialog open={open} onOpenChange={setOpen} onCreated={refresh} />
    </Card>
  );
}
