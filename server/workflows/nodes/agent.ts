// Agent: a model with MCP tools, as an agent app runs it, for one prompt. Tools open as the person the run is for
// (per-person servers use their connection) and close when the node ends. A workflow run has nobody to ask, so a
// tool that asks first is refused, as published tasks refuse it, and the model is told why.
import "server-only";
import { dynamicTool, generateText, jsonSchema, stepCountIs, type ToolSet } from "ai";
import { enabledTools } from "@/server/agent/build-tool-set";
import { describeToolError } from "@/server/agent/run-error";
import { runLimits } from "@/server/agent/run-limits";
import type { RuntimeTool, RuntimeToolResult } from "@/server/agent/runtime-tool";
import { refuseAll } from "@/server/agent/tool-approval";
import { toModelOutput } from "@/server/agent/tool-output";
import { missingPersonConnections } from "@/server/mcp/servers/missing-connections";
import { openAppTools } from "@/server/mcp/servers/open-app-tools";
import { renderText } from "../references";
import { NodeError, type NodeExecutor, type NodeRunContext } from "./node-executor";
import { modelFailure, nodeModel, tokenUsage, withMemory } from "./node-model";

/** Why a call that asks first did not run, as the model sees it in the tool's result. */
export const refusedInWorkflow =
  "Not run: this tool asks a person before each call, and a workflow run has nobody to ask. " +
  "The workflow's author can set the tool to run without asking in the Agent node.";

function toolSet(tools: RuntimeTool[], ctx: NodeRunContext): ToolSet {
  const set: ToolSet = {};
  for (const tool of tools) {
    set[tool.name] = dynamicTool({
      title: tool.title,
      description: tool.description,
      inputSchema: jsonSchema(tool.inputSchema),
      execute: async (args, { toolCallId, abortSignal }): Promise<RuntimeToolResult> => {
        const signal = abortSignal ?? ctx.signal;
        if (tool.askFirst) {
          // The same rule as runs nobody can be asked in (refuseAll); only the words are the workflow's.
          await refuseAll({ callId: toolCallId, name: tool.name, title: tool.title, arguments: args, inputSchema: tool.inputSchema, signal });
          return { content: [{ type: "text", text: refusedInWorkflow }], isError: true };
        }
        try {
          return await tool.execute(args, { signal });
        } catch (error) {
          if (signal.aborted) throw error;
          // The model sees a tool error with a safe message and may try another way.
          throw new Error(describeToolError(error));
        }
      },
      toModelOutput: ({ output }) => toModelOutput(output as RuntimeToolResult, { images: "none", maxChars: runLimits.toolResultChars }),
    });
  }
  return set;
}

export const runAgent: NodeExecutor<"agent"> = async (node, ctx) => {
  const { data } = node;
  const model = await nodeModel(data.model, ctx);
  const instructions = renderText(data.instructions, ctx.outputs);
  const prompt = renderText(data.prompt, ctx.outputs);
  if (!prompt.trim()) throw new NodeError("The prompt is empty. Write a prompt, or check the references it uses.");
  // As Debug & Preview asks before a run: the person connects first, rather than the model meeting the failure.
  const missing = ctx.userId ? await missingPersonConnections({ workspaceId: ctx.workspaceId, bindings: data.tools, userId: ctx.userId }) : [];
  if (missing.length > 0) {
    const names = missing.map((s) => s.name).join(", ");
    throw new NodeError(`${names} ${missing.length === 1 ? "connects" : "connect"} each person to their own account, and yours is not connected. Connect under Tools -> MCP, then run the workflow again.`);
  }
  const opened = await openAppTools({ workspaceId: ctx.workspaceId, bindings: data.tools, signal: ctx.signal, userId: ctx.userId });
  try {
    const tools = enabledTools(data.tools, opened.tools);
    const maxRounds = tools.length > 0 ? data.maxToolRounds : 0;
    const system = [instructions, opened.context].filter(Boolean).join("\n\n");
    const result = await generateText({
      model,
      system: system || undefined,
      messages: withMemory(ctx.history, prompt),
      tools: tools.length > 0 ? toolSet(tools, ctx) : undefined,
      // One step per tool round, plus one for the answer; the last step offers no tools, so the model answers.
      stopWhen: stepCountIs(maxRounds + 1),
      prepareStep: ({ stepNumber }) => (maxRounds > 0 && stepNumber >= maxRounds ? { activeTools: [] } : {}),
      temperature: data.model!.temperature ?? undefined,
      maxOutputTokens: data.model!.maxTokens ?? undefined,
      abortSignal: ctx.signal,
    });
    // Which tools the model called, in order, for the trace (a refused call included).
    const logs = result.steps.flatMap((step) => step.toolCalls.map((call) => `Called ${call.toolName}`));
    return {
      inputs: { model: data.model!.model, instructions, prompt, tools: tools.map((t) => t.name), ...(ctx.history.length > 0 ? { memory: ctx.history.length } : {}) },
      outputs: { text: result.text },
      usage: tokenUsage(result.totalUsage),
      ...(logs.length > 0 ? { logs } : {}),
    };
  } catch (error) {
    throw modelFailure(error, ctx.signal);
  } finally {
    await opened.close();
  }
};
