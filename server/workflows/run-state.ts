// What one run of a workflow carries while it runs: the frozen graph, the stored node runs it resumes from, its
// counters and limits, and how a node failure becomes the run's error.
import "server-only";
import type { NodeRunValues } from "@/server/db/queries/workflow-runs";
import type { TokenUsage, WorkflowNodeRun, WorkflowRun, WorkflowSnapshot } from "@/server/db/schema";
import type { WorkflowNode } from "./graph";

export interface RunState {
  run: WorkflowRun;
  snapshot: WorkflowSnapshot;
  /** Node runs stored before this attempt, by nodeRunKey: completed and skipped ones are kept, not run again. */
  stored: Map<string, WorkflowNodeRun>;
  /** Node runs started so far, including those stored before a resume (limits.maxNodeRuns). */
  nodeRuns: number;
  history: { role: "user" | "assistant"; content: string }[];
  /** Answer texts as they are said, with the order they were said in (a chatflow's reply). */
  answers: { at: number; text: string }[];
  usage: TokenUsage;
  signal: AbortSignal;
  /** Stores a node run (the engine's writes go through here, so tests and the engine share one path). */
  save(values: Omit<NodeRunValues, "runId" | "workspaceId">): Promise<WorkflowNodeRun>;
}

export function nodeRunKey(nodeId: string, itemIndex: number | null) {
  return `${nodeId}#${itemIndex ?? ""}`;
}

export function nodeTitle(node: WorkflowNode) {
  return node.title.trim() || node.id;
}

/** A failure that ends the run, with the words shown on the run ("<node title>: <message>", or a limit's). */
export class RunFailure extends Error {
  override name = "RunFailure";
}

/** The run's signal aborted: stopped, timed out, or the process is going away (the caller tells which). */
export class RunAborted extends Error {
  override name = "RunAborted";
}

export function addUsage(total: TokenUsage, usage: TokenUsage | null | undefined) {
  if (!usage) return;
  total.inputTokens += usage.inputTokens;
  total.outputTokens += usage.outputTokens;
}
