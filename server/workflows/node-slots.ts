// Where a node reads other nodes' outputs: each text field that may hold `{{node.field}}` references, and each
// field that is one bare reference (If/Else's left side, Iteration's items and output, End's values).
import type { ValueType, WorkflowNode } from "./graph";

export interface Slot {
  /** Where the canvas shows a problem with it: `prompt`, `arguments.city`, `outputs.2.value`, ... */
  field: string;
  text: string;
  /** "template": text with references; "reference": one bare reference, required. */
  kind: "template" | "reference";
  /** The type the slot needs its (sole) reference to have; text slots take any value. */
  expects?: ValueType | "number|string" | "string|array";
  /** A field that must not be left empty. */
  required?: boolean;
}

const numeric = new Set(["greater-than", "less-than"]);
const booleanOps = new Set(["is-true", "is-false"]);
const containment = new Set(["contains", "not-contains"]);

export function nodeSlots(node: WorkflowNode): Slot[] {
  switch (node.type) {
    case "start":
      return [];
    case "llm":
      return [
        { field: "system", text: node.data.system, kind: "template" },
        { field: "prompt", text: node.data.prompt, kind: "template", required: true },
      ];
    case "agent":
      return [
        { field: "instructions", text: node.data.instructions, kind: "template" },
        { field: "prompt", text: node.data.prompt, kind: "template", required: true },
      ];
    case "mcp-tool":
      return Object.entries(node.data.arguments).map(([name, text]) => ({ field: `arguments.${name}`, text, kind: "template" as const }));
    case "http":
      return [
        { field: "url", text: node.data.url, kind: "template", required: true },
        ...node.data.headers.map((header, i) => ({ field: `headers.${i}.value`, text: header.value, kind: "template" as const })),
        { field: "body", text: node.data.body, kind: "template" },
      ];
    case "if-else":
      return node.data.conditions.flatMap((condition, i): Slot[] => {
        const expects = numeric.has(condition.operator)
          ? "number"
          : booleanOps.has(condition.operator)
            ? "boolean"
            : containment.has(condition.operator)
              ? "string|array"
              : undefined;
        const left: Slot = { field: `conditions.${i}.left`, text: condition.left, kind: "reference", ...(expects ? { expects } : {}) };
        return [left, { field: `conditions.${i}.right`, text: condition.right, kind: "template" }];
      });
    case "iteration":
      return [
        { field: "items", text: node.data.items, kind: "reference", expects: "array" },
        { field: "output", text: node.data.output, kind: "reference" },
      ];
    case "template":
      return [{ field: "template", text: node.data.template, kind: "template", required: true }];
    case "code":
      return node.data.inputs.map((input, i) => ({ field: `inputs.${i}.value`, text: input.value, kind: "template" as const }));
    case "end":
      return node.data.outputs.map((output, i) => ({ field: `outputs.${i}.value`, text: output.value, kind: "reference" as const, expects: output.type }));
    case "answer":
      return [{ field: "text", text: node.data.text, kind: "template", required: true }];
  }
}
