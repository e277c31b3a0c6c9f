"use client";
// Until the workflow canvas is mounted: a workflow or chatflow app's page holds its Debug & Preview alone.
import { AppHeader } from "@/components/app-editor/app-header";
import type { useAppDraft } from "@/components/app-editor/use-app-draft";
import { WorkflowPreview } from "./workflow-preview";

type Draft = ReturnType<typeof useAppDraft>;

export function WorkflowPreviewPage({ app, draft, saveNow }: { app: NonNullable<Draft["app"]["data"]>; draft: NonNullable<Draft["draft"]>; saveNow: () => Promise<void> }) {
  return (
    <>
      <AppHeader app={app} />
      <div className="mx-auto w-full max-w-3xl">
        <WorkflowPreview appId={app.id} mode={app.type === "chatflow" ? "chatflow" : "workflow"} variables={draft.variables} beforeRun={saveNow} />
      </div>
    </>
  );
}
