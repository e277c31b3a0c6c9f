// Which executor runs which node type. Start, End, Answer and Iteration are run by the engine itself.
import type { WorkflowNode } from "../graph";
import { NodeError, type NodeExecutor, type NodeResult, type NodeRunContext } from "./node-executor";
import { runIfElse } from "./if-else";
import { runTemplate } from "./template";

type ExecutedType = Exclude<WorkflowNode["type"], "start" | "end" | "answer" | "iteration">;

// Replaced type by type as their executors land (issue #29); a graph using one fails on that node, clearly.
const notYet = async (node: WorkflowNode): Promise<NodeResult> => {
  throw new NodeError(`${node.type} nodes cannot run yet.`);
};

const executors: { [T in ExecutedType]: NodeExecutor<T> } = {
  llm: notYet,
  agent: notYet,
  "mcp-tool": notYet,
  http: notYet,
  code: notYet,
  "if-else": runIfElse,
  template: runTemplate,
};

export function executeNode(node: Extract<WorkflowNode, { type: ExecutedType }>, ctx: NodeRunContext): Promise<NodeResult> {
  return (executors[node.type] as NodeExecutor<ExecutedType>)(node, ctx);
}

export { NodeError, type NodeResult, type NodeRunContext } from "./node-executor";
