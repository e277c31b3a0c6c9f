"use client";
// Settings -> API keys: who made each key, when it was last used, when it expires; revoke.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, Plus } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CardListStates } from "@/components/ui/card-list-states";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RevokeKeyButton } from "@/components/ui/revoke-key-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { CreateApiKeyDialog } from "./create-api-key-dialog";
import { atLeast, roleLabels } from "./role-label";

function formatDate(value: Date | null) {
  return value ? new Date(value).toLocaleString() : "Never";
}

function isExpired(expiresAt: Date | null) {
  return expiresAt !== null && new Date(expiresAt).getTime() <= Date.now();
}

export function ApiKeysPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const canManage = atLeast(current.data?.role, "admin");
  const keys = useQuery({ ...trpc.apiKeys.list.queryOptions(), enabled: canManage });
  const [open, setOpen] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.apiKeys.list.queryFilter());
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: refresh }));

  if (current.isPending) return <Skeleton className="h-40" />;
  if (!canManage) {
    return (
      <EmptyState
        icon={KeyRound}
        title="API keys are managed by owners and admins"
        description="Ask an owner or admin of this workspace for a key."
      />
    );
  }

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div>
          <CardTitle as="h2">API keys</CardTitle>
          <CardDescription>
            Send a key as <code className="font-mono text-xs">Authorization: Bearer &lt;key&gt;</code> to call the
            console API with the key&apos;s role.
          </CardDescription>
        </div>
        <Button onClick={() => setOpen(true)}>
          <Plus aria-hidden /> Create API key
        </Button>
      </CardHeader>
      <CardListStates
        query={keys}
        empty={
          <p className="border-t px-6 py-8 text-center text-sm text-muted-foreground">
            No API keys yet. Create one for scripts and CI.
          </p>
        }
      >
        {(rows) => (
          <ul className="divide-y border-t" aria-label="API keys">
            {rows.map((key) => (
              <li key={key.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-6 py-3">
                {/* On a phone the details take the whole line and the badges and Revoke wrap under them. */}
                <div className="min-w-0 flex-1 basis-full sm:basis-0">
                  <p className="truncate text-sm font-medium">{key.name}</p>
                  <p className="break-words text-xs text-muted-foreground">
                    <span className="font-mono">{key.prefix}…</span> · made by{" "}
                    {key.creatorEmail ? (key.creatorName ? `${key.creatorName} (${key.creatorEmail})` : key.creatorEmail) : "a deleted user"}
                  </p>
                  <p className="text-xs text-muted-foreground">
                    Last used {formatDate(key.lastUsedAt)} ·{" "}
                    {key.expiresAt
                      ? `${isExpired(key.expiresAt) ? "expired" : "expires"} ${new Date(key.expiresAt).toLocaleDateString()}`
                      : "never expires"}
                  </p>
                </div>
                <span className="flex-1 sm:hidden" />
                {isExpired(key.expiresAt) && <Badge variant="destructive">Expired</Badge>}
                <Badge>{roleLabels[key.role]}</Badge>
                <RevokeKeyButton
                  name={key.name}
                  description="Anything using this key stops working at once. This cannot be undone."
                  onRevoke={() => revoke.mutateAsync({ id: key.id })}
                />
              </li>
            ))}
          </ul>
        )}
      </CardListStates>
      <CreateApiKeyDialog open={open} onOpenChange={setOpen} myRole={current.data?.role} onCreated={refresh} />
    </Card>
  );
}
