// Code: the author's JavaScript in the isolate sandbox (code-sandbox.ts), given the node's inputs rendered from
// earlier outputs (typed), and held to the outputs it declares: each must be returned, with its declared type.
import "server-only";
import type { ValueType } from "../graph";
import { runCode } from "../code-sandbox";
import { renderTemplate } from "../references";
import { NodeError, type NodeExecutor } from "./node-executor";

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** "a string", "an object". */
const withArticle = (type: string) => `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;

function hasType(value: unknown, type: ValueType): boolean {
  if (type === "number") return typeof value === "number" && Number.isFinite(value);
  return typeOf(value) === type;
}

export const runCodeNode: NodeExecutor<"code"> = async (node, ctx) => {
  const inputs = Object.fromEntries(node.data.inputs.map((input) => [input.name, renderTemplate(input.value, ctx.outputs)]));
  const result = await runCode({ code: node.data.code, inputs, signal: ctx.signal });
  const logs = result.logs.length > 0 ? { logs: result.logs } : {};
  if (!result.ok) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error(result.error);
    throw new NodeError(result.error);
  }
  // Only the declared outputs go on: they are what later nodes' references were checked against.
  const outputs: Record<string, unknown> = {};
  for (const { name, type } of node.data.outputs) {
    const value = result.outputs[name];
    if (value === undefined) {
      throw new NodeError(`main did not return the output "${name}" (${withArticle(type)}). Return it, as in return { ${name}: ... }, or remove it from the outputs.`);
    }
    if (!hasType(value, type)) {
      throw new NodeError(`The output "${name}" is declared as ${withArticle(type)}, but main returned ${withArticle(typeOf(value))}. Return ${withArticle(type)}, or change the output's type.`);
    }
    outputs[name] = value;
  }
  return { inputs, outputs, ...logs };
};
