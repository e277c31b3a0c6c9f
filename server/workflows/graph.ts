// What a workflow is: nodes from Start (the app's input form) to End (named, typed outputs), joined by edges.
// Stored in the app's draft (AppConfig.workflow) and frozen with each published version. Shared by the canvas
// (components/workflow-editor), the checker (check-graph.ts) and the engine (run-workflow.ts).
import { z } from "zod";
import { modelChoiceSchema } from "@/server/apps/model-choice";
import { toolBindingSchema } from "@/server/apps/tool-binding";

export const nodeTypes = ["start", "llm", "agent", "mcp-tool", "http", "if-else", "iteration", "template", "code", "end", "answer"] as const;
export type NodeType = (typeof nodeTypes)[number];

/** The value types a node can declare for an output it names itself (Code, End). */
export const valueTypes = ["string", "number", "boolean", "object", "array"] as const;
export type ValueType = (typeof valueTypes)[number];

/** Node ids appear in references (`{{llm_1.text}}`): identifier-like, and never a prototype key. */
export const nodeIdSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, "A node id uses letters, digits and _, starting with a letter.")
  .refine((id) => id !== "constructor" && id !== "prototype", "Choose another node id.");

const outputNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "Use letters, digits and _ for an output name, starting with a letter.")
  .refine((name) => name !== "__proto__", "__proto__ cannot be an output name.");

/** Text with `{{node.field}}` references (references.ts); a slot holding exactly one reference passes its typed value. */
const templateSchema = z.string().max(100_000);

const namedOutputSchema = z.object({ name: outputNameSchema, type: z.enum(valueTypes) });

export const conditionOperators = ["equals", "not-equals", "contains", "not-contains", "greater-than", "less-than", "is-empty", "is-not-empty", "is-true", "is-false"] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

const conditionSchema = z.object({
  /** One reference, `node.field` (no braces). */
  left: z.string().max(200),
  operator: z.enum(conditionOperators),
  /** A template; unused by the operators that take no value (is-empty, is-true, ...). */
  right: templateSchema.default(""),
});

const nodeData = {
  start: z.object({}),
  llm: z.object({
    model: modelChoiceSchema.nullable().default(null),
    system: templateSchema.default(""),
    prompt: templateSchema.default(""),
    /** When set, the model answers JSON matching this object schema, output as `json` beside `text`. */
    jsonSchema: z.record(z.string(), z.unknown()).nullable().default(null),
  }),
  agent: z.object({
    model: modelChoiceSchema.nullable().default(null),
    instructions: templateSchema.default(""),
    prompt: templateSchema.default(""),
    tools: z.array(toolBindingSchema).max(50).default([]),
    maxToolRounds: z.number().int().min(1).max(50).default(5),
  }),
  "mcp-tool": z.object({
    serverId: z.string().max(100).default(""),
    tool: z.string().max(200).default(""),
    /** Argument name -> template; the tool's input schema says which names it takes. */
    arguments: z.record(outputNameSchema, templateSchema).default({}),
    /** As an agent's per-tool switch: "auto" runs it; "ask" (or absent, for a tool whose annotations ask) needs a yes. */
    approval: z.enum(["auto", "ask"]).optional(),
  }),
  http: z.object({
    method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).default("GET"),
    url: templateSchema.default(""),
    headers: z
      .array(
        z.object({
          name: z.string().max(200),
          value: templateSchema,
          /** A secret (a token, a key) is sealed when saved, bound to this app, node, header and URL origin. */
          secret: z.boolean().default(false),
          /** The sealed value of a secret header (secret-headers.ts); `value` is then empty. */
          valueCiphertext: z.string().max(10_000).optional(),
        }),
      )
      .max(50)
      .default([]),
    body: templateSchema.default(""),
  }),
  "if-else": z.object({
    logic: z.enum(["and", "or"]).default("and"),
    conditions: z.array(conditionSchema).max(20).default([]),
  }),
  iteration: z.object({
    /** One reference to an array (`node.field`); the body's nodes (parentId = this node) run once per item. */
    items: z.string().max(200).default(""),
    concurrency: z.number().int().min(1).max(10).default(1),
    /** One reference inside the body whose value is collected per item into `results`. */
    output: z.string().max(200).default(""),
  }),
  template: z.object({ template: templateSchema.default("") }),
  code: z.object({
    code: z.string().max(100_000).default("function main(inputs) {\n  return { result: inputs };\n}\n"),
    inputs: z.array(z.object({ name: outputNameSchema, value: templateSchema })).max(50).default([]),
    outputs: z.array(namedOutputSchema).max(50).default([]),
  }),
  end: z.object({
    outputs: z.array(namedOutputSchema.extend({ value: z.string().max(200) })).max(50).default([]),
  }),
  /** Chatflow: the text said in the conversation. */
  answer: z.object({ text: templateSchema.default("") }),
} satisfies Record<NodeType, z.ZodType>;

const baseNode = {
  id: nodeIdSchema,
  title: z.string().trim().max(100).default(""),
  position: z.object({ x: z.number().finite(), y: z.number().finite() }).default({ x: 0, y: 0 }),
  /** Set on the nodes of an Iteration's body: the Iteration's id. */
  parentId: nodeIdSchema.nullable().default(null),
};

function nodeSchema<T extends NodeType, D extends z.ZodObject>(type: T, data: D) {
  // Every data field has a default, so a new node starts from `{}`.
  return z.object({ ...baseNode, type: z.literal(type), data: data.prefault({} as z.input<D>) });
}

export const workflowNodeSchema = z.discriminatedUnion("type", [
  nodeSchema("start", nodeData["start"]),
  nodeSchema("llm", nodeData["llm"]),
  nodeSchema("agent", nodeData["agent"]),
  nodeSchema("mcp-tool", nodeData["mcp-tool"]),
  nodeSchema("http", nodeData["http"]),
  nodeSchema("if-else", nodeData["if-else"]),
  nodeSchema("iteration", nodeData["iteration"]),
  nodeSchema("template", nodeData["template"]),
  nodeSchema("code", nodeData["code"]),
  nodeSchema("end", nodeData["end"]),
  nodeSchema("answer", nodeData["answer"]),
]);
export type WorkflowNode = z.infer<typeof workflowNodeSchema>;
export type NodeOfType<T extends NodeType> = Extract<WorkflowNode, { type: T }>;

export const workflowEdgeSchema = z.object({
  id: z.string().min(1).max(100),
  source: nodeIdSchema,
  target: nodeIdSchema,
  /** If/Else: "true" or "false", the branch the edge leaves from; null elsewhere. */
  sourceHandle: z.enum(["true", "false"]).nullable().default(null),
});
export type WorkflowEdge = z.infer<typeof workflowEdgeSchema>;

export const workflowLimitsSchema = z.object({
  maxRunSeconds: z.number().int().min(1).max(3600).default(600),
  /** Node runs in all, counting each Iteration item's body nodes. */
  maxNodeRuns: z.number().int().min(1).max(10_000).default(500),
  maxIterationItems: z.number().int().min(1).max(1_000).default(100),
});
export type WorkflowLimits = z.infer<typeof workflowLimitsSchema>;

export const workflowGraphSchema = z.object({
  nodes: z.array(workflowNodeSchema).max(200, "A workflow has at most 200 nodes."),
  edges: z.array(workflowEdgeSchema).max(500, "A workflow has at most 500 edges."),
  limits: workflowLimitsSchema.default(workflowLimitsSchema.parse({})),
});
export type WorkflowGraph = z.infer<typeof workflowGraphSchema>;

/** The app type a graph belongs to: a "chatflow" answers in a conversation (Answer nodes, earlier turns as memory);
 * a "workflow" returns its End node's outputs. */
export type WorkflowMode = "workflow" | "chatflow";

export function nodeDataDefaults<T extends NodeType>(type: T): NodeOfType<T>["data"] {
  return nodeData[type].parse({}) as NodeOfType<T>["data"];
}

/** A new workflow: Start joined to End, ready for nodes between them. */
export function emptyWorkflow(mode: WorkflowMode): WorkflowGraph {
  const last = mode === "chatflow" ? "answer" : "end";
  return {
    nodes: [
      { id: "start", type: "start", title: "Start", position: { x: 0, y: 0 }, parentId: null, data: {} },
      { id: last, type: last, title: mode === "chatflow" ? "Answer" : "End", position: { x: 0, y: 220 }, parentId: null, data: nodeDataDefaults(last) },
    ] as WorkflowNode[],
    edges: [{ id: `start->${last}`, source: "start", target: last, sourceHandle: null }],
    limits: workflowLimitsSchema.parse({}),
  };
}
