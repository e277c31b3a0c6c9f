"use client";
// The place for the workflow's Debug & Preview (a run of the draft with the trace of each node). The lead mounts
// the runner here; the editor already passes what it needs.
import type { WorkflowGraph, WorkflowMode } from "@/server/workflows/graph";

export interface WorkflowPreviewProps {
  appId: string;
  mode: WorkflowMode;
  graph: WorkflowGraph;
  /** Saves any pending edit; call before running the draft. */
  beforeRun: () => Promise<void>;
  /** True while the checker reports problems: a run would be refused. */
  hasProblems: boolean;
  /** Selects a node on the canvas (a trace row's "show node"). */
  onSelectNode: (nodeId: string) => void;
}

export function WorkflowPreview({ hasProblems }: WorkflowPreviewProps) {
  return (
    <div className="grid gap-2 rounded-lg border border-dashed p-4 text-sm text-muted-foreground" data-testid="workflow-preview">
      <p className="font-medium text-foreground">Debug &amp; Preview</p>
      <p>{hasProblems ? "Fix the problems on the canvas to run the workflow here." : "Running the draft from here is coming next."}</p>
    </div>
  );
}
