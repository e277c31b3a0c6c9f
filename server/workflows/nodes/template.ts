// Template: text from references.
import { renderText } from "../references";
import type { NodeExecutor } from "./node-executor";

export const runTemplate: NodeExecutor<"template"> = async (node, ctx) => {
  const text = renderText(node.data.template, ctx.outputs);
  return { inputs: { template: node.data.template }, outputs: { text } };
};
