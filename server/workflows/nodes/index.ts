// Which executor runs which node type. Start, End, Answer and Iteration are run by the engine itself.
import type { WorkflowNode } from "../graph";
import type { NodeExecutor, NodeResult, NodeRunContext } from "./node-executor";
import { runAgent } from "./agent";
import { runCodeNode } from "./code";
import { runHttp } from "./http";
import { runIfElse } from "./if-else";
import { runLlm } from "./llm";
import { runMcpTool } from "./mcp-tool";
import { runTemplate } from "./template";

type ExecutedType = Exclude<WorkflowNode["type"], "start" | "end" | "answer" | "iteration">;

const executors: { [T in ExecutedType]: NodeExecutor<T> } = {
  llm: runLlm,
  agent: runAgent,
  "mcp-tool": runMcpTool,
  http: runHttp,
  code: runCodeNode,
  "if-else": runIfElse,
  template: runTemplate,
};

export function executeNode(node: Extract<WorkflowNode, { type: ExecutedType }>, ctx: NodeRunContext): Promise<NodeResult> {
  return (executors[node.type] as NodeExecutor<ExecutedType>)(node, ctx);
}

export { NodeError, type NodeResult, type NodeRunContext } from "./node-executor";
