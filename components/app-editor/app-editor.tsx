"use client";
// The "Orchestrate" editor: draft on the left (autosaved), Debug & Preview on the right.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { DebugPreview } from "./debug-preview";
import { DraftHeader } from "./draft-header";
import { ModelSection } from "./model-section";
import { ToolsSection } from "./tools-section";
import { useAppDraft } from "./use-app-draft";
import { VariablesEditor } from "./variables-editor";

export function AppEditor({ appId }: { appId: string }) {
  const trpc = useTRPC();
  const { app, draft, setDraft, saveState, saveError, saveNow } = useAppDraft(appId);
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const canEdit = current.data ? current.data.role !== "member" : false;
  if (app.isError) return <p className="text-sm text-destructive">{app.error.message}</p>;
  if (!app.data || !draft) return <Skeleton className="h-96" />;

  const data = app.data;
  return (
    <>
      <DraftHeader app={data} canEdit={canEdit} saveState={saveState} saveError={saveError} saveNow={saveNow} />
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
