// The shapes the preview and Logs read: a run as workflows.getRun / workflows.listRuns return it.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

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
