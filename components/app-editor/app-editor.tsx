"use client";
// The "Orchestrate" editor: draft on the left (autosaved), Debug & Preview on the right.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { WorkflowPreviewPage } from "@/components/workflow-preview/workflow-preview-page";
import { isWorkflowType } from "@/server/apps/app-config";
import { AppHeader } from "./app-header";
import { DebugPreview } from "./debug-preview";
import { ModelSection } from "./model-section";
import { PublishButton, PublishedPointer } from "./publish-controls";
import { ToolsSection } from "./tools-section";
import { useAppDraft, type SaveState } from "./use-app-draft";
import { VariablesEditor } from "./variables-editor";

const saveLabels: Record<SaveState, string> = { idle: "", saving: "Saving…", saved: "Saved", error: "Not saved" };

export function AppEditor({ appId }: { appId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { app, draft, setDraft, saveState, saveError, saveNow } = useAppDraft(appId);
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const canEdit = current.data ? current.data.role !== "member" : false;
  const [justPublished, setJustPublished] = useState<number | null>(null);
  const publish = useMutation(
    trpc.apps.publish.mutationOptions({
      onSuccess: async (version) => {
        toast.success(`Published version ${version.version}`);
        setJustPublished(version.version);
        // The Apps page shows Draft / Published from its own cached list, so that list is stale now too.
        await Promise.all([
          queryClient.invalidateQueries(trpc.apps.get.queryFilter({ id: appId })),
          queryClient.invalidateQueries(trpc.apps.list.queryFilter()),
        ]);
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  if (app.isError) return <p className="text-sm text-destructive">{app.error.message}</p>;
  if (!app.data || !draft) return <Skeleton className="h-96" />;

  const data = app.data;
  if (isWorkflowType(data.type)) return <WorkflowPreviewPage app={data} draft={draft} saveNow={saveNow} />;
  const actions = (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-xs text-muted-foreground" role="status" title={saveError ?? undefined}>
        {saveLabels[saveState]}
      </span>
      {data.hasUnpublishedChanges ? (
        <Badge variant="warning" dot>Unpublished changes</Badge>
      ) : (
        <Badge variant="success" dot>Published v{data.published?.version}</Badge>
      )}
      {canEdit && (
        <PublishButton
          pending={publish.isPending}
          nothingNew={!data.hasUnpublishedChanges && saveState !== "saving" && saveState !== "error"}
          onPublish={async () => {
            await saveNow();
            publish.mutate({ id: appId });
          }}
        />
      )}
    </div>
  );

  return (
    <>
      <AppHeader app={data} actions={actions} />
      {justPublished && <PublishedPointer appId={appId} version={justPublished} onDismiss={() => setJustPublished(null)} />}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        {/* grid-cols-1 (minmax(0, 1fr)) keeps long unbreakable content, such as a tool description, from widening the cards past the column. */}
        <div className="grid min-w-0 grid-cols-1 content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle as="h2">Instructions</CardTitle>
              <CardDescription>The system prompt. Insert input fields with {"{{key}}"}.</CardDescription>
            </CardHeader>
            <CardContent>
              <Textarea
                aria-label="Instructions"
                rows={8}
                value={draft.instructions}
                disabled={!canEdit}
                onChange={(e) => setDraft((d) => ({ ...d, instructions: e.target.value }))}
                placeholder="You are a helpful assistant for {{company}}…"
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">User input form</CardTitle>
              <CardDescription>Fields people fill in before they chat; MCP clients see them as tool parameters.</CardDescription>
            </CardHeader>
            <CardContent>
              <VariablesEditor variables={draft.variables} disabled={!canEdit} onChange={(variables) => setDraft((d) => ({ ...d, variables }))} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">Model</CardTitle>
            </CardHeader>
            <CardContent>
              <ModelSection value={draft.model} needsTools={data.type === "agent"} disabled={!canEdit} onChange={(model) => setDraft((d) => ({ ...d, model }))} />
            </CardContent>
          </Card>
          {data.type === "agent" && (
            <Card>
              <CardHeader>
                <CardTitle as="h2">Tools</CardTitle>
                <CardDescription>What the agent may call, and how many rounds of tool calls it gets.</CardDescription>
              </CardHeader>
              <CardContent>
                <ToolsSection
                  tools={draft.tools}
                  maxToolRounds={draft.maxToolRounds}
                  disabled={!canEdit}
                  onChange={(tools) => setDraft((d) => ({ ...d, tools }))}
                  onRoundsChange={(maxToolRounds) => setDraft((d) => ({ ...d, maxToolRounds }))}
                />
              </CardContent>
            </Card>
          )}
          {data.type !== "completion" && (
            <Card>
              <CardHeader>
                <CardTitle as="h2">Opening statement</CardTitle>
                <CardDescription>Shown at the start of every conversation.</CardDescription>
              </CardHeader>
              <CardContent>
                <Textarea aria-label="Opening statement" rows={2} value={draft.openingStatement} disabled={!canEdit} onChange={(e) => setDraft((d) => ({ ...d, openingStatement: e.target.value }))} />
              </CardContent>
            </Card>
          )}
        </div>
        <div className="min-w-0 xl:sticky xl:top-6 xl:self-start">
          {/* Workflow apps open the workflow editor instead (app/(console)/apps/[id]/page.tsx). */}
          <DebugPreview appId={appId} appType={data.type as "chat" | "agent" | "completion"} draft={draft} beforeRun={saveNow} />
        </div>
      </div>
    </>
  );
}
