// What a run reports while it goes (RunEvent) and when it ends (RunResult). Debug & Preview streams these to the
// browser; the published MCP endpoint turns them into progress notifications and a tool result.
import type { ToolProgress } from "./runtime-tool";
import type { FinishedCall } from "./tool-call-recorder";

export type RunStatus = "completed" | "failed" | "stopped";

export interface RunUsage {
  inputTokens: number;
  outputTokens: number;
}

export type RunEvent =
  | { type: "started"; conversationId: string; messageId: string }
  | { type: "text-delta"; text: string }
  | { type: "tool-call-started"; callId: string; name: string; arguments: unknown }
  /** A call's end, as the recorder stored it (tool-call-recorder.ts), `connect` included. */
  | ({ type: "tool-call-finished" } & FinishedCall)
  /** A running tool reported progress (a connected MCP server's notifications/progress). */
  | ({ type: "tool-progress"; callId: string; name: string } & ToolProgress)
  /** A call that asks first waits for a person (tool-approval.ts); Debug & Preview shows Approve / Deny. */
  | { type: "tool-approval-requested"; callId: string; name: string; title?: string; arguments: unknown; inputSchema: unknown }
  | { type: "tool-approval-decided"; callId: string; name: string; decision: "approved" | "denied"; via: "preview" | "elicitation" | "policy"; editedArguments?: unknown }
  | { type: "round-finished"; round: number }
  /** A workflow's node ended (server/workflows): one progress step per node for published calls. */
  | { type: "workflow-node-finished"; nodeId: string; title: string; status: "completed" | "failed" | "skipped" }
  | { type: "finished"; answer: string; usage: RunUsage; status: RunStatus; roundLimitReached: boolean }
  /**
   * Debug & Preview only, instead of a run: per-person servers the app's tools need that the signed-in person has
   * not connected yet (the chat offers Connect, then sends the message again).
   */
  | { type: "needs-connection"; servers: Array<{ id: string; name: string }> }
  /** A safe, user-facing message; always followed by "finished" with status "failed". */
  | { type: "error"; message: string };

export interface RunResult {
  conversationId: string;
  messageId: string;
  status: RunStatus;
  answer: string;
  usage: RunUsage;
  /** The model ran out of tool rounds (config.maxToolRounds) and had to answer with what it had. */
  roundLimitReached: boolean;
  error?: string;
}
