"use client";
// The head of an app's editor, whatever the app type: name, save state, published state and the Publish button,
// and after a publish the pointer to where the app is used from.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { AppHeader } from "./app-header";
import { PublishButton, PublishedPointer } from "./publish-controls";
import type { SaveState } from "./use-app-draft";

const saveLabels: Record<SaveState, string> = { idle: "", saving: "Saving…", saved: "Saved", error: "Not saved" };

type HeaderApp = Parameters<typeof AppHeader>[0]["app"] & { hasUnpublishedChanges: boolean; published: { version: number } | null };

export function DraftHeader({
  app,
  canEdit,
  saveState,
  saveError,
  saveNow,
}: {
  app: HeaderApp;
  canEdit: boolean;
  saveState: SaveState;
  saveError: string | null;
  saveNow(): Promise<void>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [justPublished, setJustPublished] = useState<number | null>(null);
  const publish = useMutation(
    trpc.apps.publish.mutationOptions({
      onSuccess: async (version) => {
        toast.success(`Published version ${version.version}`);
        setJustPublished(version.version);
        // The Apps page shows Draft / Published from its own cached list, so that list is stale now too.
        await Promise.all([
          queryClient.invalidateQueries(trpc.apps.get.queryFilter({ id: app.id })),
          queryClient.invalidateQueries(trpc.apps.list.queryFilter()),
        ]);
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const actions = (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-xs text-muted-foreground" role="status" title={saveError ?? undefined}>
        {saveLabels[saveState]}
      </span>
      {app.hasUnpublishedChanges ? (
        <Badge variant="warning" dot>Unpublished changes</Badge>
      ) : (
        <Badge variant="success" dot>Published v{app.published?.version}</Badge>
      )}
      {canEdit && (
        <PublishButton
          pending={publish.isPending}
          nothingNew={!app.hasUnpublishedChanges && saveState !== "saving" && saveState !== "error"}
          onPublish={async () => {
            await saveNow();
            publish.mutate({ id: app.id });
          }}
        />
      )}
    </div>
  );
  return (
    <>
      <AppHeader app={app} actions={actions} />
      {justPublished && <PublishedPointer appId={app.id} version={justPublished} onDismiss={() => setJustPublished(null)} />}
    </>
  );
}
