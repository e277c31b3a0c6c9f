"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Blocks, Copy, MoreHorizontal, Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { AppIcon } from "./app-icon";
import { appTypeInfo } from "./app-types";
import { CreateAppDialog } from "./create-app-dialog";

export function AppsList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const apps = useQuery(trpc.apps.list.queryOptions());
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const canEdit = current.data ? current.data.role !== "member" : false;
  const refresh = () => queryClient.invalidateQueries(trpc.apps.list.queryFilter());
  const duplicate = useMutation(
    trpc.apps.duplicate.mutationOptions({ onSuccess: () => (toast.success("App duplicated"), refresh()) }),
  );
  const remove = useMutation(trpc.apps.delete.mutationOptions({ onSuccess: refresh }));
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);

  const createButton = (
    <Button>
      <Plus aria-hidden /> Create app
    </Button>
  );

  if (apps.isPending) {
    return (
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-busy>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-36" />
        ))}
      </div>
    );
  }
  if (apps.isError) return <p className="text-sm text-destructive">{apps.error.message}</p>;
  if (apps.data.length === 0) {
    return (
      <EmptyState
        icon={Blocks}
        title="No apps yet"
        description="Create a chat, agent or text-generator app, give it a prompt and a model, and try it in Debug & Preview."
        action={canEdit ? <CreateAppDialog trigger={createButton} /> : undefined}
      />
    );
  }

  return (
    <div className="grid grid-cols-1 gap-4">
      {canEdit && <div className="flex justify-end"><CreateAppDialog trigger={createButton} /></div>}
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Apps">
        {apps.data.map((app) => (
          <li key={app.id} className="group relative flex flex-col gap-3 rounded-xl border bg-card p-4 shadow-xs transition-shadow hover:shadow-md">
            <div className="flex items-start gap-3">
              <AppIcon icon={app.icon} background={app.iconBackground} />
              <div className="min-w-0 flex-1">
                <Link href={`/apps/${app.id}`} className="block truncate font-medium after:absolute after:inset-0">
                  {app.name}
                </Link>
                <p className="text-xs text-muted-foreground">{appTypeInfo[app.type].label}</p>
              </div>
              {canEdit && (
                <DropdownMenu>
                  <DropdownMenuTrigger asChild>
                    <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${app.name}`} className="relative z-10">
                      <MoreHorizontal aria-hidden />
                    </Button>
                  </DropdownMenuTrigger>
                  <DropdownMenuContent align="end">
                    <DropdownMenuItem onSelect={() => duplicate.mutate({ id: app.id })}>
                      <Copy aria-hidden /> Duplicate
                    </DropdownMenuItem>
                    <DropdownMenuItem variant="destructive" onSelect={() => setDeleting({ id: app.id, name: app.name })}>
                      <Trash2 aria-hidden /> Delete
                    </DropdownMenuItem>
                  </DropdownMenuContent>
                </DropdownMenu>
              )}
            </div>
            <p className="line-clamp-2 min-h-10 text-sm text-muted-foreground">{app.description || "No description"}</p>
            <div>
              {app.publishedVersionId ? <Badge variant="success" dot>Published</Badge> : <Badge>Draft</Badge>}
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete ${deleting?.name ?? "this app"}?`}
        description="Its versions, conversations and logs are deleted too. This cannot be undone."
        confirmLabel="Delete app"
        destructive
        onConfirm={async () => {
          if (deleting) await remove.mutateAsync({ id: deleting.id });
          toast.success("App deleted");
        }}
      />
    </div>
  );
}
