"use client";
// Debug & Preview of a workflow or chatflow draft: the input form (or a chat), Run and Stop, and the per-node trace of
// the run as it happens, with "Re-run from here" on each node that ran.
import { useMutation } from "@tanstack/react-query";
import { Play, Square } from "lucide-react";
import { useState, type FormEvent } from "react";
import { InputsForm } from "@/components/app-editor/inputs-form";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { Variable } from "@/server/apps/app-config";
import { ChatflowChat } from "./chatflow-chat";
import { RerunDialog } from "./rerun-dialog";
import { RunTrace } from "./run-trace";
import { runEnded, type RunView, type WorkflowPreviewProps } from "./types";
import { useRun } from "./use-run";


export function WorkflowPreview(props: WorkflowPreviewProps) {
  return (
    <Card role="region" aria-labelledby="workflow-preview-heading" className="flex min-h-[28rem] min-w-0 flex-col">
      <CardHeader className="border-b">
        <CardTitle as="h2" id="workflow-preview-heading">Debug &amp; Preview</CardTitle>
      </CardHeader>
      {props.hasProblems && (
        <p role="status" className="border-b bg-warning/10 px-4 py-2 text-sm text-warning">Fix the problems on the canvas to run the workflow.</p>
      )}
      {props.mode === "chatflow" ? <ChatflowChat {...props} /> : <WorkflowForm {...props} />}
    </Card>
  );
}

function WorkflowForm({ appId, variables, beforeRun, onNodeStates, onSelectNode }: WorkflowPreviewProps) {
  const trpc = useTRPC();
  const [inputs, setInputs] = useState<Record<string, unknown>>({});
  const [runId, setRunId] = useState<string | null>(null);
  const [rerunNode, setRerunNode] = useState<{ run: RunView; nodeId: string } | null>(null);
  const run = useRun(runId, onNodeStates);
  const runDraft = useMutation(trpc.workflows.runDraft.mutationOptions({ onSuccess: (ids) => setRunId(ids.runId) }));
  const rerunFrom = useMutation(trpc.workflows.rerunFrom.mutationOptions({ onSuccess: (ids) => setRunId(ids.runId) }));
  const stopRun = useMutation(trpc.workflows.stopRun.mutationOptions({ onSettled: () => void run.refetch() }));
  const running = Boolean(runId) && (!run.data || !runEnded(run.data.status));
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (running || saving) return;
    setSaving(true);
    try {
      await beforeRun();
      runDraft.mutate({ appId, inputs });
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="grid min-w-0 gap-4 p-4">
      <form onSubmit={submit} className="grid gap-3" aria-label="Run the workflow">
        {variables.length > 0 && <InputsForm variables={variables} values={inputs} onChange={setInputs} />}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={saving || runDraft.isPending} disabled={running}>
            <Play aria-hidden /> Run
          </Button>
          {running && runId && (
            <Button type="button" variant="outline" loading={stopRun.isPending} onClick={() => stopRun.mutate({ runId })}>
              <Square aria-hidden /> Stop
            </Button>
          )}
        </div>
      </form>
      {runDraft.error && <p role="alert" className="text-sm text-destructive">{runDraft.error.message}</p>}
      <div aria-live="polite" className="min-w-0">
        {!runId ? (
          <p className="py-8 text-center text-sm text-muted-foreground">Fill the form and press Run. Each node&apos;s run shows here as it happens.</p>
        ) : run.isError ? (
          <p role="alert" className="text-sm text-destructive">{run.error.message}</p>
        ) : !run.data ? (
          <Skeleton className="h-32" />
        ) : (
          <RunTrace run={run.data} onSelectNode={onSelectNode} onRerunFrom={(nodeId) => setRerunNode({ run: run.data, nodeId })} />
        )}
      </div>
      {rerunNode && (
        <RerunDialog
          run={rerunNode.run}
          nodeId={rerunNode.nodeId}
          onClose={() => setRerunNode(null)}
          onRun={async (outputs) => {
            await beforeRun();
            await rerunFrom.mutateAsync({ appId, runId: rerunNode.run.id, nodeId: rerunNode.nodeId, outputs });
          }}
        />
      )}
    </div>
  );
}
