"use client";
// Account -> Signed-in sessions: every browser signed in as you, this one marked; revoke one or all the others.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MonitorSmartphone } from "lucide-react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RevokeButton } from "@/components/ui/revoke-button";
import { Skeleton } from "@/components/ui/skeleton";
import { describeUserAgent } from "./describe-user-agent";

function formatDate(value: Date) {
  return new Date(value).toLocaleString();
}

export function SessionsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.sessions.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.sessions.list.queryFilter());
  const revoke = useMutation(trpc.sessions.revoke.mutationOptions({ onSuccess: refresh }));
  const revokeOthers = useMutation(trpc.sessions.revokeOthers.mutationOptions({ onSuccess: refresh }));
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div>
          <CardTitle as="h2">Signed-in sessions</CardTitle>
          <CardDescription>Browsers signed in as you. Revoking one signs it out at its next request.</CardDescription>
        </div>
        {others > 0 && (
          <ConfirmDialog
            title="Sign out everywhere else?"
            description={`${others === 1 ? "1 other session" : `${others} other sessions`} will be signed out at once. This browser stays signed in.`}
            confirmLabel="Sign out others"
            destructive
            onConfirm={async () => {
              const { count } = await revokeOthers.mutateAsync();
              toast.success(count === 1 ? "1 session signed out" : `${count} sessions signed out`);
            }}
            trigger={<Button variant="outline">Sign out everywhere else</Button>}
          />
        )}
      </CardHeader>
      <CardContent className="p-0">
        {sessions.isPending ? (
          <div className="p-6">
            <Skeleton className="h-10" />
          </div>
        ) : sessions.isError ? (
          <p className="p-6 text-sm text-destructive">{sessions.error.message}</p>
        ) : (
          <ul className="divide-y border-t" aria-label="Signed-in sessions">
            {sessions.data.map((session) => (
              <li key={session.id} className="flex items-center gap-3 px-6 py-3">
                <MonitorSmartphone aria-hidden className="size-4 shrink-0 text-muted-foreground" />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium" title={session.userAgent ?? undefined}>
                    {describeUserAgent(session.userAgent)}
                  </p>
                  <p className="text-xs text-muted-foreground">
                    Signed in {formatDate(session.createdAt)} · last seen {formatDate(session.lastSeenAt)}
                  </p>
                </div>
                {session.current ? (
                  <Badge variant="success">This device</Badge>
                ) : (
                  <RevokeButton
                    title={`Revoke ${describeUserAgent(session.userAgent)}?`}
                    description="That browser is signed out at its next request."
                    confirmLabel="Revoke session"
                    onConfirm={async () => {
                      await revoke.mutateAsync({ id: session.id });
                      toast.success("Session revoked");
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
