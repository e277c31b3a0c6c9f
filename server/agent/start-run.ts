// Everything before the model is called: check the request, open or continue the conversation, build the prompt,
// and store the question and a "running" answer, so a crash from here on leaves a trace.
import "server-only";
import type { ModelMessage } from "ai";
import type { AppConfig, AppType } from "@/server/apps/app-config";
import type { Db } from "@/server/db";
import { findConversation, listMessages, startTurn } from "@/server/db/queries/conversations";
import type { Message } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { renderPrompt } from "./render-prompt";
import { leaseSeconds } from "./run-leases";
import { validateInputs } from "./validate-inputs";

export interface StartRunParams {
  workspaceId: string;
  appId: string;
  appVersionId: string | null;
  config: AppConfig;
  appType: AppType;
  modelId: string;
  inputs: Record<string, unknown> | null | undefined;
  query: string;
  conversationId?: string | null;
  source: "debug" | "mcp" | "api";
  userId?: string | null;
  /** Added to the system prompt after the instructions: the resources the app's bindings give (resource-context.ts). */
  context?: string;
}

export interface StartedRun {
  conversationId: string;
  messageId: string;
  system: string | undefined;
  messages: ModelMessage[];
}

/** Earlier turns as the model sees them: text only; answers that produced no text are left out. */
function toHistory(rows: Message[]): ModelMessage[] {
  return rows.flatMap((row): ModelMessage[] => (row.content ? [{ role: row.role, content: row.content }] : []));
}

export async function startRun(db: Db, params: StartRunParams): Promise<StartedRun> {
  const { workspaceId, appId, appType, config } = params;
  const query = params.query.trim();
  // Completion apps are one-shot: each run is a conversation of its own.
  const continues = appType !== "completion" && Boolean(params.conversationId);
  if (appType !== "completion" && !query) throw new AppError("bad_request:app_input", "Type a message to send.");

  const earlier = continues ? await findConversation(db, { workspaceId, appId, id: params.conversationId! }) : null;
  if (continues && !earlier) throw new AppError("not_found:conversation", "This conversation was not found. Start a new one.");
  // A follow-up message may omit the inputs: the conversation keeps the ones it started with.
  const given = params.inputs && Object.keys(params.inputs).length > 0 ? params.inputs : (earlier?.inputs ?? params.inputs);
  const inputs = validateInputs(config.variables, given);
  const prompt = renderPrompt(config.instructions, inputs).trim();
  if (appType === "completion" && !prompt && !query) {
    throw new AppError("bad_request:app_input", "There is nothing to send: write the app's instructions or type a query.");
  }
  const history = earlier ? toHistory(await listMessages(db, { workspaceId, conversationId: earlier.id })) : [];
  // A completion app without a query sends its rendered template as the request itself.
  const system = appType === "completion" && !query ? undefined : [prompt, params.context].filter(Boolean).join("\n\n") || undefined;
  const messages: ModelMessage[] = [...history, { role: "user", content: query || prompt }];

  const { conversationId, answerId } = await startTurn(db, {
    workspaceId,
    conversation: earlier ?? {
      appId,
      appVersionId: params.appVersionId,
      source: params.source,
      inputs,
      title: (query || prompt).slice(0, 100),
      createdBy: params.userId ?? null,
    },
    query,
    model: params.modelId,
    leaseSeconds,
  });
  return { conversationId, messageId: answerId, system, messages };
}
