// Debug & Preview: run the app's current draft through the one runtime.
import "server-only";
import { runApp } from "@/server/agent/run-app";
import type { RunEvent } from "@/server/agent/run-events";
import { AppError } from "@/server/errors";
import { getLanguageModel } from "@/server/llm/get-language-model";
import { openAppTools } from "@/server/mcp/servers/open-app-tools";
import { appConfigSchema } from "./app-config";
import { getAppOrThrow } from "./apps";

export interface RunDraftParams {
  workspaceId: string;
  userId: string | null;
  appId: string;
  inputs: Record<string, unknown>;
  query: string;
  conversationId: string | null;
  signal: AbortSignal;
  onEvent(event: RunEvent): void;
}

export async function runDraft(params: RunDraftParams) {
  const { workspaceId, appId } = params;
  const app = await getAppOrThrow({ workspaceId, id: appId });
  const config = appConfigSchema.parse(app.draft);
  if (!config.model) throw new AppError("bad_request:app", "Choose a model for this app first (Model section).");
  const model = await getLanguageModel({ workspaceId, providerId: config.model.providerId, model: config.model.model });
  // One connection per tool server for the whole run, closed when it ends.
  const tools = app.type === "agent" ? await openAppTools({ workspaceId, bindings: config.tools, signal: params.signal }) : null;
  try {
    return await runApp({
      workspaceId,
      appId,
      appVersionId: null,
      config,
      appType: app.type,
      model,
      modelId: config.model.model,
      tools: tools?.tools ?? [],
      inputs: params.inputs,
      query: params.query,
      conversationId: params.conversationId,
      source: "debug",
      userId: params.userId,
      signal: params.signal,
      onEvent: params.onEvent,
    });
  } finally {
    await tools?.close();
  }
}
