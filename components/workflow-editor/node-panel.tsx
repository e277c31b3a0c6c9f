"use client";
// The selected node's settings: title, the form of its type, its connections, its problems, and Delete.
import { Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { VariablesEditor } from "@/components/app-editor/variables-editor";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { Variable } from "@/server/apps/app-config";
import type { NodeOfType, WorkflowGraph, WorkflowNode } from "@/server/workflows/graph";
import type { GraphProblem } from "@/server/workflows/check-graph";
import { AnswerForm, CodeForm, EndForm, TemplateForm } from "./forms-data";
import { HttpForm, IfElseForm, IterationForm } from "./forms-flow";
import { AgentForm, LlmForm, McpToolForm } from "./forms-model";
import { nodeCatalog } from "./node-catalog";
import { NodeConnections } from "./node-connections";
import type { ReferenceOption } from "./reference-options";
import type { NodeFormProps } from "./template-field";

export interface NodePanelProps {
  graph: WorkflowGraph;
  node: WorkflowNode;
  problems: GraphProblem[];
  refs: ReferenceOption[];
  bodyRefs: ReferenceOption[];
  variables: Variable[];
  disabled?: boolean;
  onChange: (node: WorkflowNode) => void;
  onVariablesChange: (variables: Variable[]) => void;
  onConnect: (target: string, sourceHandle: "true" | "false" | null) => void;
  onRemoveEdge: (edgeId: string) => void;
  onDelete: () => void;
}

function TypeForm(props: NodePanelProps & { problem: (field: string) => string | undefined }): ReactNode {
  const { node, refs, problem, disabled } = props;
  const common = { refs, problem, disabled, onChange: (data: WorkflowNode["data"]) => props.onChange({ ...node, data } as WorkflowNode) };
  const as = <N extends WorkflowNode>() => ({ ...common, node }) as unknown as NodeFormProps<N>;
  switch (node.type) {
    case "start":
      return <VariablesEditor variables={props.variables} disabled={disabled} onChange={props.onVariablesChange} />;
    case "llm":
      return <LlmForm {...as<NodeOfType<"llm">>()} />;
    case "agent":
      return <AgentForm {...as<NodeOfType<"agent">>()} />;
    case "mcp-tool":
      return <McpToolForm {...as<NodeOfType<"mcp-tool">>()} />;
    case "http":
      return <HttpForm {...as<NodeOfType<"http">>()} />;
    case "if-else":
      return <IfElseForm {...as<NodeOfType<"if-else">>()} />;
    case "iteration":
      return <IterationForm {...as<NodeOfType<"iteration">>()} bodyRefs={props.bodyRefs} />;
    case "template":
      return <TemplateForm {...as<NodeOfType<"template">>()} />;
    case "code":
      return <CodeForm {...as<NodeOfType<"code">>()} />;
    case "end":
      return <EndForm {...as<NodeOfType<"end">>()} />;
    case "answer":
      return <AnswerForm {...as<NodeOfType<"answer">>()} />;
  }
}

export function NodePanel(props: NodePanelProps) {
  const { node, problems, disabled } = props;
  const Icon = nodeCatalog[node.type].icon;
  // A field's problem shows beside the field; the rest (shape, order, unknown fields) show at the top.
  const problem = (field: string) => problems.find((p) => p.field === field)?.message;
  const general = problems.filter((p) => !p.field || p.field === "title");
  return (
    <section aria-label={`${nodeCatalog[node.type].label} settings`} className="grid gap-4">
      <div className="flex items-center justify-between gap-2">
        <div className="flex min-w-0 items-center gap-2">
          <Icon aria-hidden className="size-4 shrink-0 text-muted-foreground" />
          <h2 className="truncate text-sm font-semibold">{nodeCatalog[node.type].label}</h2>
          <code className="truncate text-xs text-muted-foreground">{node.id}</code>
        </div>
        {node.type !== "start" && !disabled && (
          <Button variant="outline" size="sm" onClick={props.onDelete}>
            <Trash2 aria-hidden /> Delete node
          </Button>
        )}
      </div>
      {general.length > 0 && (
        <ul aria-label="Node problems" className="grid gap-1 rounded-md border border-destructive/30 bg-destructive/5 p-2 text-[13px] text-destructive">
          {general.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      <Field label="Title">
        <Input value={node.title} maxLength={100} disabled={disabled} onChange={(e) => props.onChange({ ...node, title: e.target.value })} />
      </Field>
      <TypeForm {...props} problem={problem} />
      <NodeConnections graph={props.graph} node={node} disabled={disabled} onConnect={props.onConnect} onRemove={props.onRemoveEdge} />
    </section>
  );
}
