// Who approves a published call's tool that asks first when the calling client can ask its user: the client, through
// elicitation/create in form mode (MCP 2025-06-18 client/elicitation; 2025-11-25 adds `mode`). The question goes out
// on the tools/call's own SSE stream; the answer comes back in a separate POST that any instance may receive
// (client-answers.ts). A yes runs the tool; no, decline, cancel, an error or silence past the limit refuse it.
import "server-only";
import { ElicitResultSchema, type JSONRPCRequest, type ServerNotification } from "@modelcontextprotocol/sdk/types.js";
import type { ApprovalDecision, ApprovalRequest, Approver } from "@/server/agent/tool-approval";
import { askKey, awaitClientAnswer, newAskId, type ClientAnswer } from "./client-answers";

export interface ClientAsking {
  pollMs: number;
  timeoutMs: number;
}

export interface ElicitingApproverParams {
  serverKey: string;
  clientScope: string;
  kv: Parameters<typeof awaitClientAnswer>[1]["kv"];
  protocolVersion: string;
  /** The signed-in caller the answer is recorded for; null for secret-URL and API-key calls. */
  personId: string | null;
  appName: string;
  asking: ClientAsking;
  /** Sends a request on the tools/call's stream. */
  request(message: JSONRPCRequest): Promise<void>;
  notify(notification: ServerNotification): Promise<void>;
  /** Who answers when the client cannot be asked after all (its stream is gone, the KV store is down). */
  fallback: Approver;
}

const maxArgumentChars = 600;

function shortened(args: unknown): string {
  const text = JSON.stringify(args ?? {}, null, 2) ?? "{}";
  return text.length > maxArgumentChars ? `${text.slice(0, maxArgumentChars)}… (${text.length - maxArgumentChars} more characters)` : text;
}

/** What the user is asked about one call: the same form on either lane (round-trips.ts asks it on 2026-07-28). */
export function approvalQuestion(call: Pick<ApprovalRequest, "name" | "title" | "arguments">, appName: string) {
  const tool = call.title ?? call.name;
  return {
    message: `${appName.slice(0, 100)} wants to run the tool "${tool.slice(0, 100)}" (${call.name}) with these arguments:\n${shortened(call.arguments)}`,
    // A flat object of primitives, as form mode allows (client/elicitation §Requested Schema).
    requestedSchema: {
      type: "object" as const,
      properties: { approve: { type: "boolean" as const, title: `Run ${tool.slice(0, 100)}?`, description: "Yes runs it now; no tells the app it was refused.", default: false } },
      required: ["approve"],
    },
  };
}

export function elicitationRequest(id: string, call: Pick<ApprovalRequest, "name" | "title" | "arguments">, { appName, protocolVersion }: Pick<ElicitingApproverParams, "appName" | "protocolVersion">): JSONRPCRequest {
  return {
    jsonrpc: "2.0",
    id,
    method: "elicitation/create",
    // `mode` exists from 2025-11-25 on; earlier clients know only forms and may reject a field they do not know.
    params: { ...(protocolVersion >= "2025-11-25" ? { mode: "form" } : {}), ...approvalQuestion(call, appName) },
  };
}

/** The decision an answer (or its absence) makes; `reason` finishes "Not run: this tool asks first, and …". */
export function decisionOf(answer: ClientAnswer | null, { personId, timeoutMs }: { personId: string | null; timeoutMs: number }): ApprovalDecision {
  const denied = (reason: string): ApprovalDecision => ({ decision: "denied", via: "elicitation", userId: personId, reason });
  if (!answer) return { ...denied(`nobody answered within ${Math.round(timeoutMs / 1000)} seconds.`), userId: null };
  if ("tooLarge" in answer) return { ...denied("the client's answer was too large to read."), userId: null };
  if ("error" in answer) return { ...denied("the client could not ask its user."), userId: null };
  const parsed = ElicitResultSchema.safeParse(answer.result);
  if (!parsed.success) return { ...denied("the client's answer was not an answer to the question."), userId: null };
  const { action, content } = parsed.data;
  if (action === "decline") return denied("the user declined it.");
  if (action === "cancel") return denied("the user dismissed the question.");
  if (content?.approve !== true) return denied("the user answered no.");
  return { decision: "approved", via: "elicitation", userId: personId };
}

export function elicitingApprover(params: ElicitingApproverParams): Approver {
  return async (call) => {
    const id = newAskId();
    const { timeoutMs, pollMs } = params.asking;
    const cannotAsk = (error: unknown) => {
      console.warn("[mcp_server:ask] could not ask the client; the policy answers", String(error));
      return params.fallback(call);
    };
    let waiting: Awaited<ReturnType<typeof awaitClientAnswer>>;
    try {
      waiting = await awaitClientAnswer(askKey({ serverKey: params.serverKey, clientScope: params.clientScope, requestId: id }), { kv: params.kv, pollMs, timeoutMs, signal: call.signal });
    } catch (error) {
      return cannotAsk(error);
    }
    try {
      await params.request(elicitationRequest(id, call, params));
    } catch (error) {
      await waiting.done();
      return cannotAsk(error);
    }
    try {
      const answer = await waiting.answer;
      if (!answer && !call.signal.aborted) {
        // The client may still show the form: tell it the question is void (utilities/cancellation).
        await params.notify({ method: "notifications/cancelled", params: { requestId: id, reason: "No answer in time; the tool was not run." } }).catch(() => {});
      }
      return decisionOf(answer, { personId: params.personId, timeoutMs });
    } finally {
      await waiting.done();
    }
  };
}
