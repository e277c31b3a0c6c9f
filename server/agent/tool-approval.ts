// The shape of asking before a tool call (which calls ask: shared/asks-first.ts). The runtime only asks
// (RunAppParams.approve); who answers, and how, is the caller's: a person in Debug & Preview, the MCP client's user,
// or the published policy.
import type { JSONSchema7 } from "ai";
import type { ToolApproval } from "@/server/db/schema";

export interface ApprovalRequest {
  callId: string;
  /** Model-facing name. */
  name: string;
  title?: string;
  arguments: unknown;
  inputSchema: JSONSchema7;
  /** Ends when the run does: an approver stops waiting then. */
  signal: AbortSignal;
}

/** What an approver answers; `editedArguments` replaces the model's arguments (the model sees the call as run). */
export type ApprovalDecision = Omit<ToolApproval, "at"> & { reason?: string };

export type Approver = (request: ApprovalRequest) => Promise<ApprovalDecision>;

/** For runs nobody can be asked in: every call that asks first is refused, and the model is told why. */
export const refuseAll: Approver = async () => ({
  decision: "denied",
  via: "policy",
  userId: null,
  reason: "Nobody could be asked to approve this call.",
});

/** What the model and the trace are told of a refusal. */
export function deniedMessage(decision: ApprovalDecision): string {
  const why = decision.reason ? ` ${decision.reason}` : "";
  // A published call's client was asked (call-elicitation.ts): its reason says what came of asking, silence included.
  if (decision.via === "elicitation" && decision.reason) return `Not run: this tool asks first, and ${decision.reason}`;
  return decision.via === "policy" ? `Not run: this tool asks first and the server's policy refuses it.${why}` : `Not run: the user refused this call.${why}`;
}
