// Debug & Preview: run the app's current draft through the one runtime.
import "server-only";
import { runApp } from "@/server/agent/run-app";
import { refuseAll, type Approver } from "@/server/agent/tool-approval";
import type { RunEvent } from "@/server/agent/run-events";
import { AppError } from "@/server/errors";
import { getDb } from "@/server/db";
import type { App } from "@/server/db/schema";
import { getKv } from "@/server/kv";
import { getModelProvider } from "@/server/db/queries/model-providers";
import { languageModelFor } from "@/server/llm/get-language-model";
import { modelVision, toolImageMode } from "@/server/llm/model-vision";
import { missingPersonConnections } from "@/server/mcp/servers/missing-connections";
import { openAppTools } from "@/server/mcp/servers/open-app-tools";
import { appConfigSchema, type AppConfig } from "./app-config";
import { getAppOrThrow } from "./apps";
import { previewApprover } from "./preview-approval";

/** The app as Debug & Preview runs it: its row and its draft's config, read once per request. */
export interface Draft {
  app: App;
  config: AppConfig;
}

export async function loadDraft({ workspaceId, appId }: { workspaceId: string; appId: string }): Promise<Draft> {
  const app = await getAppOrThrow({ workspaceId, id: appId });
  return { app, config: appConfigSchema.parse(app.draft) };
}

export interface RunDraftParams {
  workspaceId: string;
  userId: string | null;
  draft: Draft;
  inputs: Record<string, unknown>;
  query: string;
  conversationId: string | null;
  signal: AbortSignal;
  onEvent(event: RunEvent): void;
  /** Overrides the preview's approver (tests); by default the person running the preview is asked. */
  approve?: Approver;
}

/**
 * Asked before a run: the per-person servers the draft's tools need that `userId` has not connected, so the person
 * connects and the message is sent again rather than the model meeting the failure.
 */
export async function draftMissingConnections({ workspaceId, draft, userId }: { workspaceId: string; draft: Draft; userId: string | null }) {
  if (draft.app.type !== "agent" || !userId) return [];
  return missingPersonConnections({ workspaceId, bindings: draft.config.tools, userId });
}

export async function runDraft(params: RunDraftParams) {
  const { workspaceId } = params;
  const { app, config } = params.draft;
  const appId = app.id;
  if (app.type === "workflow" || app.type === "chatflow") throw new AppError("bad_request:workflow", "Run a workflow from its canvas: this preview runs chat, agent and completion apps.");
  if (!config.model) throw new AppError("bad_request:app", "Choose a model for this app first (Model section).");
  const provider = await getModelProvider(await getDb(), { workspaceId, id: config.model.providerId });
  const model = languageModelFor(provider, config.model.model);
  // languageModelFor threw above when the provider is gone. A model missing from its list gets the default for its id.
  const listed = provider!.models.find((m) => m.id === config.model!.model);
  const toolImages = toolImageMode(provider!.kind, modelVision(listed ?? { id: config.model.model }));
  // One connection per tool server for the whole run, closed when it ends; per-person servers as the signed-in person.
  const tools = app.type === "agent" ? await openAppTools({ workspaceId, bindings: config.tools, signal: params.signal, userId: params.userId }) : null;
  // The tool calls that ask first wait for the person running the preview (Approve / Deny in the chat).
  let messageId = "";
  const onEvent = (event: RunEvent) => {
    if (event.type === "started") messageId = event.messageId;
    params.onEvent(event);
  };
  const approve =
    params.approve ??
    (params.userId ? previewApprover({ kv: getKv(), workspaceId, appId, userId: params.userId, messageId: () => messageId }) : refuseAll);
  try {
    return await runApp({
      workspaceId,
      appId,
      appVersionId: null,
      config,
      appType: app.type,
      model,
      modelId: config.model.model,
      toolImages,
      tools: tools?.tools ?? [],
      context: tools?.context,
      inputs: params.inputs,
      query: params.query,
      conversationId: params.conversationId,
      source: "debug",
      userId: params.userId,
      signal: params.signal,
      onEvent,
      approve,
    });
  } finally {
    await tools?.close();
  }
}
