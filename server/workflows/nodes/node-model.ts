// What the LLM and Agent nodes share: the node's model from the workspace's providers, a chatflow's memory before
// the prompt, token usage, and a failed model call in words for the workflow's author.
import "server-only";
import type { LanguageModel, LanguageModelUsage, ModelMessage } from "ai";
import { describeModelError } from "@/server/agent/run-error";
import type { ModelChoice } from "@/server/apps/model-choice";
import { getDb } from "@/server/db";
import { getModelProvider } from "@/server/db/queries/model-providers";
import type { TokenUsage } from "@/server/db/schema";
import { isAppError } from "@/server/errors";
import { languageModelFor } from "@/server/llm/get-language-model";
import { NodeError, type NodeRunContext } from "./node-executor";

/** Resolved as Debug & Preview resolves an app's model (run-draft.ts): the provider row as read now. */
export async function nodeModel(choice: ModelChoice | null, ctx: NodeRunContext): Promise<LanguageModel> {
  if (!choice) throw new NodeError("Choose a model for this node.");
  const provider = await getModelProvider(await getDb(), { workspaceId: ctx.workspaceId, id: choice.providerId });
  if (!provider) throw new NodeError("This node's model provider was removed. Choose another model for the node.");
  try {
    return languageModelFor(provider, choice.model);
  } catch (error) {
    // A provider without a base URL or key: its message says what to edit.
    if (isAppError(error)) throw new NodeError(error.publicMessage);
    throw error;
  }
}

/** Earlier turns of a chatflow, oldest first, then this node's prompt. */
export function withMemory(history: NodeRunContext["history"], prompt: string): ModelMessage[] {
  return [...history.map((turn): ModelMessage => ({ role: turn.role, content: turn.content })), { role: "user", content: prompt }];
}

export function tokenUsage(usage: LanguageModelUsage): TokenUsage {
  return { inputTokens: usage.inputTokens ?? 0, outputTokens: usage.outputTokens ?? 0 };
}

/** What to throw for a failed model call: a stop stays a stop, our own NodeErrors pass, the rest is described. */
export function modelFailure(error: unknown, signal: AbortSignal): unknown {
  if (signal.aborted || error instanceof NodeError) return error;
  return new NodeError(describeModelError(error));
}
