// Debug & Preview: a tool call that asks first waits for the person running the preview. The question sits in the
// KV store, and the run polls for the answer, because the click may reach another instance than the one running.
import "server-only";
import type { Approver } from "@/server/agent/tool-approval";
import { AppError } from "@/server/errors";
import type { Kv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";
import { isNestedDeeper } from "@/shared/json-depth";
import { compileInputSchema, describeSchemaErrors } from "./json-input-validator";

export interface PendingApproval {
  workspaceId: string;
  appId: string;
  messageId: string;
  callId: string;
  /** The person running the preview: the only one who may answer. */
  userId: string;
  inputSchema: Record<string, unknown>;
}

interface StoredDecision {
  decision: "approved" | "denied";
  editedArguments?: unknown;
}

export const previewApprovalLimits = {
  waitMs: 10 * 60_000,
  pollMs: 1_000,
  /** Edited arguments, as JSON text. */
  maxArgumentChars: 100_000,
};

/** A little past the wait, so a slow poll still finds its keys; they are deleted as soon as the wait ends anyway. */
const keySeconds = Math.ceil(previewApprovalLimits.waitMs / 1000) + 60;

export function previewApprover({
  kv,
  workspaceId,
  appId,
  userId,
  messageId,
  waitMs = previewApprovalLimits.waitMs,
  pollMs = previewApprovalLimits.pollMs,
}: {
  kv: Kv;
  workspaceId: string;
  appId: string;
  userId: string;
  /** Known once the run has started (its "started" event); calls are only asked after that. */
  messageId: () => string;
  waitMs?: number;
  pollMs?: number;
}): Approver {
  return async ({ callId, inputSchema, signal }) => {
    const id = messageId();
    const pending: PendingApproval = { workspaceId, appId, messageId: id, callId, userId, inputSchema: inputSchema as Record<string, unknown> };
    const pendingKey = kvKeys.previewApproval(id, callId);
    const decisionKey = kvKeys.previewDecision(id, callId);
    await kv.set(pendingKey, JSON.stringify(pending), { ttlSeconds: keySeconds });
    try {
      const deadline = Date.now() + waitMs;
      while (!signal.aborted && Date.now() < deadline) {
        const stored = await kv.get(decisionKey).catch(() => null);
        if (stored) {
          const { decision, editedArguments } = JSON.parse(stored) as StoredDecision;
          return { decision, via: "preview", userId, ...(editedArguments !== undefined ? { editedArguments } : {}) };
        }
        await sleep(Math.min(pollMs, Math.max(0, deadline - Date.now())), signal);
      }
      // Stopped: the runtime records no decision for a run that ended while asking.
      return { decision: "denied", via: "preview", userId: null, reason: signal.aborted ? "The run was stopped." : "No answer within 10 minutes." };
    } finally {
      await Promise.all([kv.del(pendingKey), kv.del(decisionKey)]).catch(() => {});
    }
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * The person's Approve / Deny. Only the person whose run asked may answer (anyone else: not found), only once and
 * only while the run waits (conflict); edited arguments must match the tool's input schema, else the run keeps waiting.
 */
export async function decidePreviewToolCall(
  kv: Kv,
  input: { workspaceId: string; appId: string; userId: string; messageId: string; callId: string; decision: "approved" | "denied"; arguments?: unknown },
): Promise<{ decision: "approved" | "denied"; edited: boolean }> {
  const stored = await kv.get(kvKeys.previewApproval(input.messageId, input.callId));
  const pending = stored ? (JSON.parse(stored) as PendingApproval) : null;
  if (pending && (pending.workspaceId !== input.workspaceId || pending.appId !== input.appId || pending.userId !== input.userId)) {
    throw new AppError("not_found:tool_call", "This tool call does not exist or is not yours to decide.");
  }
  if (!pending) throw new AppError("conflict:tool_call", "This call was already decided or the run ended.");
  const edited = input.decision === "approved" && input.arguments !== undefined;
  if (edited) assertValidArguments(input.arguments, pending.inputSchema);
  const decision: StoredDecision = { decision: input.decision, ...(edited ? { editedArguments: input.arguments } : {}) };
  const first = await kv.setIfAbsent(kvKeys.previewDecision(input.messageId, input.callId), JSON.stringify(decision), { ttlSeconds: keySeconds });
  if (!first) throw new AppError("conflict:tool_call", "This call was already decided or the run ended.");
  return { decision: input.decision, edited };
}

function assertValidArguments(value: unknown, inputSchema: Record<string, unknown>) {
  const bad = (problem: string) => new AppError("bad_request:tool_call", `The edited arguments ${problem}`);
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw bad("must be a JSON object.");
  if (isNestedDeeper(value)) throw bad("nest too deeply.");
  if (JSON.stringify(value).length > previewApprovalLimits.maxArgumentChars) {
    throw bad(`are too long (at most ${previewApprovalLimits.maxArgumentChars.toLocaleString("en")} characters of JSON).`);
  }
  // The tool's own dialect marker is dropped: the validator speaks draft-07, and the keywords tools use agree.
  const { $schema: _dialect, ...schema } = inputSchema;
  const validate = compileInputSchema(schema);
  // A schema we cannot compile is the tool server's to enforce; it checks its arguments itself.
  if (validate instanceof Error) return;
  if (!validate(value)) throw bad(describeSchemaErrors(validate));
}
