"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Copy, Download, LayoutTemplate, MoreHorizontal, Plus, Trash2, Upload } from "lucide-react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Skeleton } from "@/components/ui/skeleton";
import { AppIcon } from "./app-icon";
import { appTypeInfo } from "./app-types";
import { CreateAppDialog } from "./create-app-dialog";
import { downloadAppFile } from "./download-app-file";
import { ImportAppDialog } from "./import-app-dialog";
import { SetupChecklist, SetupProgressCard } from "./setup-checklist";
import { TemplateDialog } from "./template-dialog";

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
  const router = useRouter();
  const askedToCreate = useSearchParams().get("create") === "1";
  const [createOpen, setCreateOpen] = useState(false);
  // The checklist's "Create an app" link: open the dialog, and drop the parameter so a reload does not reopen it.
  useEffect(() => {
    if (!askedToCreate) return;
    setCreateOpen(true);
    router.replace("/apps", { scroll: false });
  }, [askedToCreate, router]);

  async function exportApp(id: string) {
    try {
      downloadAppFile(await queryClient.fetchQuery(trpc.appFiles.export.queryOptions({ id }, { staleTime: 0 })));
    } catch (error) {
      toast.error((error as Error).message);
    }
  }

  const createActions = canEdit ? (
    <>
      <CreateAppDialog
        open={createOpen}
        onOpenChange={setCreateOpen}
        trigger={
          <Button>
            <Plus aria-hidden /> Create app
          </Button>
        }
      />
      <TemplateDialog
        trigger={
          <Button variant="outline">
            <LayoutTemplate aria-hidden /> Create from template
          </Button>
        }
      />
      <ImportAppDialog
        trigger={
          <Button variant="outline">
            <Upload aria-hidden /> Import app
          </Button>
        }
      />
    </>
  ) : undefined;

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
  if (apps.data.length === 0) return <SetupChecklist actions={createActions} />;

  return (
    <div className="grid grid-cols-1 gap-4">
      {current.data && <SetupProgressCard workspaceId={current.data.id} />}
      {createActions && <div className="flex flex-wrap gap-2 sm:justify-end">{createActions}</div>}
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
                    <DropdownMenuItem onSelect={() => void exportApp(app.id)}>
                      <Download aria-hidden /> Export
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
