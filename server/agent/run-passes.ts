// How a run's AI SDK passes are stitched together: a step asked for whole, replayed as the parts a stream would give;
// the decisions on the calls a pass stopped at; and the messages it hands the next pass (with approved arguments).
import type { ModelMessage, StepResult, TextStreamPart, ToolApprovalResponse, ToolSet } from "ai";
import { redactSecrets } from "./run-error";
import type { RunEvent } from "./run-events";
import type { RuntimeTool } from "./runtime-tool";
import { deniedMessage, type ApprovalDecision, type Approver } from "./tool-approval";
import type { ToolCallRecorder } from "./tool-call-recorder";

export interface AskedCall {
  approvalId: string;
  callId: string;
  name: string;
  /** The model's arguments, or the approver's edit of them. */
  input: unknown;
}

/** The pass's messages with each asked call's arguments as approved, so the tool runs, and the model sees, the edit. */
export function withInputs(messages: ModelMessage[], calls: AskedCall[]): ModelMessage[] {
  const inputs = new Map(calls.map((call) => [call.callId, call.input]));
  return messages.map((message) =>
    message.role !== "assistant" || typeof message.content === "string"
      ? message
      : { ...message, content: message.content.map((part) => (part.type === "tool-call" && inputs.has(part.toolCallId) ? { ...part, input: inputs.get(part.toolCallId) } : part)) },
  );
}

/** A finished step as the stream would have given it: its text as one delta, its tool calls and results, its end. */
export function stepParts(step: StepResult<ToolSet>): TextStreamPart<ToolSet>[] {
  const parts = step.content.flatMap((part): TextStreamPart<ToolSet>[] => {
    if (part.type === "text") return [{ type: "text-delta", id: "text", text: part.text }];
    return part.type === "tool-call" || part.type === "tool-result" || part.type === "tool-error" || part.type === "tool-approval-request" ? [part] : [];
  });
  const { response, usage, finishReason, rawFinishReason, providerMetadata } = step;
  return [...parts, { type: "finish-step", response, usage, finishReason, rawFinishReason, providerMetadata }];
}

/**
 * Answers each call a pass stopped at: asks the run's approver, records and reports the decision, and gives the next
 * pass its approval response (a refusal's reason is what the model is told).
 */
export function createDecider({
  tools,
  approve,
  recorder,
  emit,
  reportFinished,
  signal,
}: {
  tools: RuntimeTool[];
  approve: Approver;
  recorder: ToolCallRecorder;
  emit(event: RunEvent): void;
  reportFinished(callId: string): void;
  /** The run's own signal. */
  signal: AbortSignal;
}) {
  return async function decide(call: AskedCall): Promise<ToolApprovalResponse> {
    const tool = tools.find((t) => t.name === call.name);
    const decision: ApprovalDecision = await recorder.track(
      approve({ callId: call.callId, name: call.name, title: tool?.title, arguments: call.input, inputSchema: tool?.inputSchema ?? {}, signal }).catch(
        (error: unknown) => {
          console.error("[agent:approve]", redactSecrets(String(error)));
          return { decision: "denied", via: "policy", userId: null, reason: "The approval could not be asked." } satisfies ApprovalDecision;
        },
      ),
    );
    // Stopped while asking: nobody decided, so nothing is recorded; the call ends with the run, as stopped.
    if (signal.aborted) return { type: "tool-approval-response", approvalId: call.approvalId, approved: false };
    const { reason: _reason, ...approval } = decision;
    const approved = decision.decision === "approved";
    emit({ type: "tool-approval-decided", callId: call.callId, name: call.name, decision: decision.decision, via: decision.via, editedArguments: decision.editedArguments });
    await recorder.decide(call.callId, { ...approval, at: new Date().toISOString() }, approved ? undefined : deniedMessage(decision));
    if (!approved) reportFinished(call.callId);
    else if (decision.editedArguments !== undefined) call.input = decision.editedArguments;
    return { type: "tool-approval-response", approvalId: call.approvalId, approved, ...(approved ? {} : { reason: deniedMessage(decision) }) };
  };
}
