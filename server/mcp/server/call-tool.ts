// tools/call: run the published version through the one runtime and turn the run into a CallToolResult. Never
// throws: the SDK would forward a thrown error's message to the caller (MCP.md), so every failure becomes an
// `isError` result with a message for the caller, and the detail for the owner goes to the call log.
import "server-only";
import { randomUUID } from "node:crypto";
import { ErrorCode, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { runApp } from "@/server/agent/run-app";
import type { RunEvent } from "@/server/agent/run-events";
import type { Approver } from "@/server/agent/tool-approval";
import { isConversational, isWorkflowType, type AppConfig, type AppType } from "@/server/apps/app-config";
import { conversationIdKey, queryKey } from "@/server/apps/input-schema";
import { getDb } from "@/server/db";
import { findConversation } from "@/server/db/queries/conversations";
import { AppError, isAppError, toAppError } from "@/server/errors";
import { languageModelFor } from "@/server/llm/get-language-model";
import { defaultVision, toolImageMode } from "@/server/llm/model-vision";
import { env } from "@/server/env";
import { missingPersonConnections } from "@/server/mcp/servers/missing-connections";
import { openAppTools } from "@/server/mcp/servers/open-app-tools";
import type { CallOutcome } from "./call-log";
import { callPublishedWorkflow } from "./call-workflow";
import type { OfferedProvider } from "./endpoint";

export interface PublishedCall {
  workspaceId: string;
  appId: string;
  appType: AppType;
  versionId: string;
  config: AppConfig;
  /** The version's model provider, read with the endpoint (endpoint-cache.ts); null when it was removed. */
  provider: OfferedProvider | null;
  args: Record<string, unknown>;
  signal: AbortSignal;
  onEvent?(event: RunEvent): void;
  /** The person the call runs for (tool-call.ts ServerContext.personId). */
  personId: string | null;
  /** Answers for the app's tools that ask first (call-approval.ts). */
  approve: Approver;
  /** The client can send its user to a URL (elicitation, URL mode): a missing connection is asked for that way. */
  connectByUrl?: boolean;
}

export interface PublishedCallOutcome {
  result: CallToolResult;
  outcome: CallOutcome;
  /** What the owner sees in the call log; may say more than the caller is told. */
  error: string | null;
  /** A JSON-RPC error (`code`, `data`) to answer with instead of the result: URL elicitation required, -32042. */
  refusal?: Error;
  conversationId: string | null;
}

const ownerHint = "Try again later; if it keeps failing, tell the app's owner.";

function failure(callerMessage: string, logMessage = callerMessage, conversationId: string | null = null): PublishedCallOutcome {
  return { result: { content: [{ type: "text", text: callerMessage }], isError: true }, outcome: "error", error: logMessage, conversationId };
}

/** Input problems are the caller's to fix, so their message is shown as is; anything else is the owner's. */
function describeAppError(error: AppError): PublishedCallOutcome {
  if (error.surface === "app_input" || error.surface === "conversation") return failure(error.publicMessage);
  return failure(`The app cannot run right now. ${ownerHint}`, error.publicMessage);
}

function splitArguments(appType: AppType, args: Record<string, unknown>) {
  if (!isConversational(appType)) return { query: "", conversationId: null, inputs: args };
  const { [queryKey]: query, [conversationIdKey]: conversationId, ...inputs } = args;
  if (typeof query !== "string" || !query.trim()) throw new AppError("bad_request:app_input", `"${queryKey}" is required: the message to send, as a string.`);
  if (conversationId !== undefined && conversationId !== null && typeof conversationId !== "string") {
    throw new AppError("bad_request:app_input", `"${conversationIdKey}" must be a string returned by an earlier call.`);
  }
  return { query, conversationId: conversationId || null, inputs };
}

/** The caller's to fix, so said to them: which servers, and the console page where they connect. */
function needsConnection(names: string[]) {
  const which = names.length === 1 ? `${names[0]} needs` : `${names.join(", ")} need`;
  return `${which} your own account connected before this app can run for you. Connect it at ${new URL("/tools", env.APP_URL)} (open the server and press Connect), then call again.`;
}

/**
 * For a client that declared URL-mode elicitation (MCP 2025-11-25, client/elicitation §URL mode): the -32042 error
 * that sends its user to the console's Tools page to connect their account, after which they call again. One
 * elicitation per server; its id is fresh, as nothing is waited for: the retry is the answer.
 */
function connectElsewhere(servers: Array<{ name: string }>, message: string): Error {
  const url = new URL("/tools", env.APP_URL).toString();
  const elicitations = servers.map((server) => ({
    mode: "url" as const,
    elicitationId: randomUUID(),
    url,
    message: `Connect your ${server.name} account: open ${server.name} on the Tools page and press Connect, then call again.`,
  }));
  // Not McpError: its message already starts "MCP error -32042:", and clients add that prefix again.
  return Object.assign(new Error(message), { code: ErrorCode.UrlElicitationRequired, data: { elicitations } });
}

export async function callPublishedTool(call: PublishedCall): Promise<PublishedCallOutcome> {
  const { workspaceId, appId, config } = call;
  let tools: Awaited<ReturnType<typeof openAppTools>> | null = null;
  try {
    const { query, conversationId, inputs } = splitArguments(call.appType, call.args);
    if (conversationId) {
      // Only conversations this endpoint started continue here, never the editor's Debug & Preview runs.
      const earlier = await findConversation(await getDb(), { workspaceId, appId, id: conversationId.slice(0, 100) });
      if (earlier?.source !== "mcp") {
        throw new AppError("not_found:conversation", `No conversation "${conversationId.slice(0, 100)}" was found. Leave out ${conversationIdKey} to start a new one.`);
      }
    }
    // A workflow runs its own nodes' models and tools (call-workflow.ts).
    if (isWorkflowType(call.appType)) return await callPublishedWorkflow({ ...call, appType: call.appType }, { query, conversationId, inputs });
    if (!config.model) throw new AppError("bad_request:app", "The published version has no model.");
    if (call.appType === "agent" && call.personId) {
      const missing = await missingPersonConnections({ workspaceId, bindings: config.tools, userId: call.personId });
      if (missing.length > 0) {
        const message = needsConnection(missing.map((s) => s.name));
        return call.connectByUrl ? { ...failure(message), refusal: connectElsewhere(missing, message) } : failure(message);
      }
    }
    const model = languageModelFor(call.provider, config.model.model);
    tools = call.appType === "agent" ? await openAppTools({ workspaceId, bindings: config.tools, signal: call.signal, userId: call.personId }) : null;
    const run = await runApp({
      workspaceId,
      appId,
      appVersionId: call.versionId,
      config,
      appType: call.appType,
      model,
      modelId: config.model.model,
      // languageModelFor threw above when the provider is gone.
      toolImages: toolImageMode(call.provider!.kind, call.provider!.vision ?? defaultVision(config.model.model)),
      tools: tools?.tools ?? [],
      context: tools?.context,
      inputs,
      query,
      conversationId,
      source: "mcp",
      userId: null,
      signal: call.signal,
      onEvent: (event) => call.onEvent?.(event),
      // Only a client that asked for progress hears about the run before its result.
      streaming: call.onEvent !== undefined,
      approve: call.approve,
    });
    if (run.status === "stopped") {
      return { result: { content: [{ type: "text", text: "The call was cancelled." }], isError: true }, outcome: "cancelled", error: null, conversationId: run.conversationId };
    }
    if (run.status === "failed") {
      return failure(`The app could not finish its answer: its model or tools failed. ${ownerHint}`, run.error ?? "The run failed.", run.conversationId);
    }
    const structured = call.appType === "completion" ? { answer: run.answer } : { answer: run.answer, [conversationIdKey]: run.conversationId };
    return {
      // Both, for every client and era: some hosts hand the model only structuredContent, others only the text
      // (MCP.md "Result fields"; MCP 2025-06-18, tools §Structured Content). Clients before 2025-06-18 ignore the field.
      result: { content: [{ type: "text", text: JSON.stringify(structured) }], structuredContent: structured },
      outcome: "ok",
      error: null,
      conversationId: run.conversationId,
    };
  } catch (error) {
    if (call.signal.aborted) return { ...failure("The call was cancelled."), outcome: "cancelled", error: null };
    if (isAppError(error)) return describeAppError(error);
    // Logged by toAppError. A database that went away mid-call is a "try again", like the 503 new requests get.
    const appError = toAppError(error);
    if (appError.status === 503) return failure("The service is temporarily unavailable. Try again in a moment.", appError.publicMessage);
    return failure(`Something went wrong while running the app. ${ownerHint}`, "Unexpected error; see the server log.");
  } finally {
    await tools?.close();
  }
}
