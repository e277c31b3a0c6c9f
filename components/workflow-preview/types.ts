// The shapes the preview and Logs read: a run as workflows.getRun / workflows.listRuns return it.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { Variable } from "@/server/apps/app-config";

export type RunView = inferRouterOutputs<AppRouter>["workflows"]["getRun"];
export type NodeRunView = RunView["nodeRuns"][number];
export type NodeState = "running" | "completed" | "failed" | "skipped";

export const runEnded = (status: string | undefined) => status === "completed" || status === "failed" || status === "stopped";

/** What each node did in a run, for the canvas to light up: a body node's items fold into one state. */
export function nodeStates(run: RunView | undefined): Record<string, NodeState> {
  const states: Record<string, NodeState> = {};
  const rank: Record<NodeState, number> = { skipped: 0, completed: 1, failed: 2, running: 3 };
  for (const row of run?.nodeRuns ?? []) {
    const before = states[row.nodeId];
    if (!before || rank[row.status] > rank[before]) states[row.nodeId] = row.status;
  }
  return states;
}

export interface WorkflowPreviewProps {
  appId: string;
  mode: "workflow" | "chatflow";
  /** The draft's input form (Start's fields). */
  variables: Variable[];
  /** Saves the draft first, so the run runs what is on screen. */
  beforeRun: () => Promise<void>;
  /** Each node's state in the current run, for the canvas to light up (told when it changes). */
  onNodeStates?: (states: Record<string, NodeState>) => void;
  /** The canvas's checker reports problems: a run would be refused, so say so before Run. */
  hasProblems?: boolean;
  /** Selects a node on the canvas (a trace row's "Show on canvas"). */
  onSelectNode?: (nodeId: string) => void;
}
