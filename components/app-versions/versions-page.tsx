"use client";
// The app's Versions tab: every published version with who published it and when, compared with the draft, and
// the two ways back: Restore to draft, and Publish this version again (rollback, served at once).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { History } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { AppHeader } from "@/components/app-editor/app-header";
import { atLeast } from "@/components/settings/role-label";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { VersionDiff } from "./version-diff";

export function VersionsPage({ appId }: { appId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const app = useQuery(trpc.apps.get.queryOptions({ id: appId }));
  const versions = useQuery(trpc.apps.versions.queryOptions({ id: appId }));
  const servers = useQuery(trpc.mcpServers.list.queryOptions());
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const canEdit = atLeast(current.data?.role, "editor");
  const [open, setOpen] = useState<string | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.apps.versions.queryFilter({ id: appId })),
      queryClient.invalidateQueries(trpc.apps.get.queryFilter({ id: appId })),
      queryClient.invalidateQueries(trpc.apps.list.queryFilter()),
    ]);
  const restore = useMutation(trpc.apps.restoreVersion.mutationOptions({ onSuccess: refresh }));
  const republish = useMutation(trpc.apps.republishVersion.mutationOptions({ onSuccess: refresh }));
  const serverName = (id: string) => servers.data?.find((s) => s.id === id)?.name ?? "a removed MCP server";

  if (app.isError) return <p className="text-sm text-destructive">{app.error.message}</p>;
  return (
    <>
      {app.data ? <AppHeader app={app.data} /> : <Skeleton className="mb-6 h-24" />}
      <div className="grid max-w-4xl gap-4">
        <p className="text-sm text-muted-foreground">
          Every published version of this app. Compare one with the draft, copy it back into the draft, or publish it again: the MCP server
          serves it at once.
        </p>
        {versions.isError ? (
          <p className="text-sm text-destructive">{versions.error.message}</p>
        ) : !versions.data || !app.data ? (
          <Skeleton className="h-40" />
        ) : versions.data.length === 0 ? (
          <EmptyState
            icon={History}
            title="Nothing published yet"
            description="Publish the app from the editor: each Publish freezes a version here."
            action={
              <Link href={`/apps/${appId}`} className={buttonVariants()}>
                Open the editor
              </Link>
            }
          />
        ) : (
          <ol aria-label="Published versions" className="grid gap-3">
            {versions.data.map((v) => {
              const who = v.publishedBy ? (v.publishedBy.name ?? v.publishedBy.email) : "a former member";
              const expanded = open === v.id;
              return (
                <li key={v.id} aria-label={`Version ${v.version}`} className="grid min-w-0 gap-3 rounded-xl border bg-card p-4 shadow-xs">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
                    <h3 className="font-semibold tabular-nums">Version {v.version}</h3>
                    {v.isLive && (
                      <Badge variant="success" dot>
                        Live
                      </Badge>
                    )}
                    {v.sameAsDraft && <Badge>Same as draft</Badge>}
                    <p className="min-w-0 basis-full text-sm text-muted-foreground sm:basis-auto">
                      Published by <span className="text-foreground">{who}</span> · <time dateTime={new Date(v.publishedAt).toISOString()}>{new Date(v.publishedAt).toLocaleString()}</time>
                    </p>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <Button variant="outline" size="sm" aria-expanded={expanded} onClick={() => setOpen(expanded ? null : v.id)}>
                      {expanded ? "Hide changes" : "Compare with draft"}
                    </Button>
                    {canEdit && !v.sameAsDraft && (
                      <ConfirmDialog
                        title={`Restore version ${v.version} to the draft?`}
                        description={`The draft becomes version ${v.version}'s configuration and its current changes are lost. Nothing is published until you press Publish.`}
                        confirmLabel="Restore to draft"
                        destructive={app.data.hasUnpublishedChanges}
                        onConfirm={async () => {
                          await restore.mutateAsync({ id: appId, versionId: v.id });
                          toast.success(`Version ${v.version} is now the draft`);
                        }}
                        trigger={
                          <Button variant="ghost" size="sm">
                            Restore to draft
                          </Button>
                        }
                      />
                    )}
                    {canEdit && !v.isLive && (
                      <ConfirmDialog
                        title={`Publish version ${v.version} again?`}
                        description={`It becomes the newest version, and the MCP server and every other client run it from their next request. The draft stays as it is.`}
                        confirmLabel="Publish this version"
                        onConfirm={async () => {
                          const result = await republish.mutateAsync({ id: appId, versionId: v.id });
                          toast.success(`Version ${v.version} is live again as version ${result.version}`);
                        }}
                        trigger={
                          <Button variant="ghost" size="sm">
                            Publish this version again
                          </Button>
                        }
                      />
                    )}
                  </div>
                  {expanded && <VersionDiff version={v.version} from={v.config} to={app.data.draft} serverName={serverName} />}
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </>
  );
}
