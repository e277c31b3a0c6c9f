// If/Else: conditions on typed values choose the side whose edges the run follows.
import type { ConditionOperator, NodeOfType } from "../graph";
import { parseReference, readReference, renderTemplate } from "../references";
import type { NodeExecutor } from "./node-executor";

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}

/** Compares as the values' types say: numbers as numbers (a numeric text on the right counts), the rest as text. */
export function holds(left: unknown, operator: ConditionOperator, right: unknown): boolean {
  const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value ?? ""));
  switch (operator) {
    case "equals":
    case "not-equals": {
      const same = typeof left === "number" ? left === Number(right) : typeof left === "boolean" ? String(left) === asText(right) : asText(left) === asText(right);
      return operator === "equals" ? same : !same;
    }
    case "contains":
    case "not-contains": {
      const found = Array.isArray(left) ? left.some((item) => asText(item) === asText(right)) : asText(left).includes(asText(right));
      return operator === "contains" ? found : !found;
    }
    case "greater-than":
      return Number(left) > Number(right);
    case "less-than":
      return Number(left) < Number(right);
    case "is-empty":
      return isEmpty(left);
    case "is-not-empty":
      return !isEmpty(left);
    case "is-true":
      return left === true;
    case "is-false":
      return left === false;
  }
}

export const runIfElse: NodeExecutor<"if-else"> = async (node: NodeOfType<"if-else">, ctx) => {
  const checked = node.data.conditions.map((condition) => {
    const ref = parseReference(condition.left);
    const left = ref ? readReference(ctx.outputs, ref) : undefined;
    const right = renderTemplate(condition.right, ctx.outputs);
    return { left: condition.left, value: left, operator: condition.operator, right, holds: holds(left, condition.operator, right) };
  });
  const result = node.data.logic === "and" ? checked.every((c) => c.holds) : checked.some((c) => c.holds);
  return { inputs: { logic: node.data.logic, conditions: checked }, outputs: { result }, branch: result ? "true" : "false" };
};
