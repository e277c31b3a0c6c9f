// What running one node means to the engine: its inputs rendered from earlier outputs, its outputs (matching
// nodeOutputSchema), and for If/Else the branch taken. One executor per node type (index.ts); the engine runs
// Start, End, Answer and Iteration itself.
import type { TokenUsage } from "@/server/db/schema";
import type { NodeOfType, NodeType } from "../graph";

export interface NodeRunContext {
  workspaceId: string;
  appId: string;
  runId: string;
  /** The person the run acts for (Debug & Preview, a signed-in caller): per-person servers connect as them. */
  userId: string | null;
  /** Outputs of the nodes that ran before this one, by node id (inside an Iteration, its id holds item and index). */
  outputs: ReadonlyMap<string, Record<string, unknown>>;
  /** A chatflow's earlier turns (memory for LLM and Agent nodes), oldest first; empty for a workflow. */
  history: { role: "user" | "assistant"; content: string }[];
  /** Aborts when the run is stopped, times out, or its process is stopping. */
  signal: AbortSignal;
}

export interface NodeResult {
  /** What the node was given, rendered (shown in the trace). Secrets such as headers' values are left out. */
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  usage?: TokenUsage;
  /** Lines the trace shows under the node: the Code node's console output, the Agent node's tool calls. */
  logs?: string[];
  /** If/Else: the side whose edges the run follows. */
  branch?: "true" | "false";
}

/** A failure to show on the node, in words for the workflow's author; anything else is logged and shown generically. */
export class NodeError extends Error {
  override name = "NodeError";
}

export type NodeExecutor<T extends NodeType> = (node: NodeOfType<T>, ctx: NodeRunContext) => Promise<NodeResult>;
