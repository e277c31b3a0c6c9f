// Chooses the tools an app may use and turns them into AI SDK tools whose execution is recorded.
import "server-only";
import { dynamicTool, jsonSchema, type ToolSet } from "ai";
import type { ToolBinding } from "@/server/apps/app-config";
import { describeToolError } from "./run-error";
import { asksFirst } from "@/shared/asks-first";
import { resultText, type RuntimeTool, type RuntimeToolResult, type ToolProgress } from "./runtime-tool";
import type { ToolCallRecorder } from "./tool-call-recorder";
import { toModelOutput, type ToolOutputOptions } from "./tool-output";
import { annotateActiveSpan } from "@/server/observability/tracing";
import { personConnectionNeeded } from "@/server/mcp/oauth/person-connection-needed";

/**
 * Built-in tools (no serverId) always pass; server tools pass when the app binds their server and enables them,
 * with the description the app's binding sets for the model (the server's own when it sets none) and whether each
 * call asks a person first.
 */
export function enabledTools(bindings: ToolBinding[], tools: RuntimeTool[]): RuntimeTool[] {
  const chosen: RuntimeTool[] = [];
  for (const tool of tools) {
    if (!tool.serverId) {
      chosen.push(tool);
      continue;
    }
    const binding = bindings.find((b) => b.serverId === tool.serverId);
    if (!binding) continue;
    const entry = binding.tools.find((t) => t.name === (tool.sourceName ?? tool.name));
    const enabled = binding.mode === "all" ? entry?.enabled !== false : entry?.enabled === true;
    if (!enabled) continue;
    chosen.push({ ...tool, description: entry?.description || tool.description, askFirst: asksFirst(entry?.approval, tool.annotations) });
  }
  return chosen;
}

export interface ToolSetParams {
  tools: RuntimeTool[];
  recorder: ToolCallRecorder;
  signal: AbortSignal;
  round: () => number;
  /** What of each result the model is sent; the recorder stores the whole result. */
  output: ToolOutputOptions;
  /** A running tool's progress, for listeners that pass it on (published calls asking for progress). */
  onProgress?(callId: string, name: string, progress: ToolProgress): void;
}

export function buildToolSet({ tools, recorder, signal, round, output, onProgress }: ToolSetParams): ToolSet {
  async function runTool(tool: RuntimeTool, args: unknown, callId: string, callSignal: AbortSignal): Promise<RuntimeToolResult> {
    recorder.start(callId, tool.name, args, round());
    // On the AI SDK's ai.toolCall span (when tracing is on): which server the tool is on, and its name there.
    annotateActiveSpan({ "switchyard.tool.server_id": tool.serverId ?? "built-in", "switchyard.tool.source_name": tool.sourceName ?? tool.name });
    let result: RuntimeToolResult;
    try {
      result = await tool.execute(args, { signal: callSignal, onProgress: onProgress && ((progress) => onProgress(callId, tool.name, progress)) });
    } catch (error) {
      if (callSignal.aborted) {
        await recorder.finish(callId, { status: "stopped", error: "Stopped: the run was cancelled." });
        throw error;
      }
      // Thrown errors reach the model as error results (the AI SDK's tool-error), with a safe message.
      const message = describeToolError(error);
      // A per-person server whose person must connect again: Debug & Preview offers Connect in place.
      const connect = personConnectionNeeded(error);
      await recorder.finish(callId, { status: "failed", error: message, ...(connect ? { connect } : {}) });
      throw new Error(message);
    }
    if (result.isError) await recorder.finish(callId, { status: "failed", result, error: resultText(result) || "The tool reported an error." });
    else await recorder.finish(callId, { status: "completed", result });
    return result;
  }

  const set: ToolSet = {};
  for (const tool of tools) {
    if (set[tool.name]) throw new Error(`Two tools are named "${tool.name}"; model-facing names must be unique.`);
    set[tool.name] = dynamicTool({
      title: tool.title,
      description: tool.description,
      inputSchema: jsonSchema(tool.inputSchema),
      needsApproval: tool.askFirst === true,
      // Tracked, so the end of a run can wait for the call's records even when the AI SDK has stopped waiting.
      execute: (args, { toolCallId, abortSignal }) => recorder.track(runTool(tool, args, toolCallId, abortSignal ?? signal)),
      toModelOutput: ({ output: result }) => toModelOutput(result as RuntimeToolResult, output),
    });
  }
  return set;
}
