"use client";
// How a node looks on the canvas: a card with its icon, title and id, a red outline and a count when it has
// problems, and its handles (If/Else leaves from a "true" and a "false" handle). Iteration is a group that holds
// its body nodes (React Flow sub-flow: children have parentId and extent "parent").
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { cn } from "@/components/ui/cn";
import type { WorkflowNode } from "@/server/workflows/graph";
import type { NodeState } from "@/components/workflow-preview/types";
import { nodeCatalog } from "./node-catalog";

/** `runState`: what the node did in the preview's current run, if it ran. */
export type StepData = { node: WorkflowNode; problemCount: number; runState?: NodeState };

// A run's state as a coloured outline (problems keep their red): running pulses, skipped fades.
const runFrame: Record<NodeState, string> = {
  running: "border-info ring-2 ring-info/50 animate-pulse",
  completed: "border-success ring-1 ring-success/50",
  failed: "border-destructive ring-2 ring-destructive/60",
  skipped: "opacity-60",
};
export type StepFlowNode = Node<StepData, "step" | "iteration">;

const handleClass = "!size-3 !border-2 !border-background !bg-primary";

function Header({ node, problemCount }: StepData) {
  const Icon = nodeCatalog[node.type].icon;
  return (
    <div className="flex items-center gap-2">
      <span className="flex size-6 shrink-0 items-center justify-center rounded-md bg-primary/10 text-primary">
        <Icon aria-hidden className="size-3.5" />
      </span>
      <div className="min-w-0 flex-1">
        <div className="truncate text-sm font-medium">{node.title || nodeCatalog[node.type].label}</div>
        <div className="truncate font-mono text-[11px] text-muted-foreground">{node.id}</div>
      </div>
      {problemCount > 0 && (
        <span className="flex h-5 min-w-5 items-center justify-center rounded-full bg-destructive px-1.5 text-[11px] font-semibold text-destructive-foreground" aria-label={`${problemCount} ${problemCount === 1 ? "problem" : "problems"}`} data-testid="problem-badge">
          {problemCount}
        </span>
      )}
    </div>
  );
}

function frame(selected: boolean, problems: number, runState?: NodeState) {
  return cn(
    "rounded-lg border bg-card text-card-foreground shadow-xs",
    problems > 0 ? "border-destructive ring-1 ring-destructive" : runState ? runFrame[runState] : "border-border",
    selected && (problems > 0 ? "ring-2" : "border-primary ring-2 ring-primary/40"),
  );
}

export function StepNode({ data, selected }: NodeProps<StepFlowNode>) {
  const { node } = data;
  return (
    <div data-run-state={data.runState} className={cn(frame(selected, data.problemCount, data.runState), "w-56 px-3 py-2")} aria-label={`${nodeCatalog[node.type].label} node ${node.title || node.id}`}>
      {node.type !== "start" && <Handle type="target" position={Position.Top} className={handleClass} />}
      <Header {...data} />
      {node.type === "if-else" ? (
        <>
          <div className="mt-2 flex justify-between px-4 text-[11px] text-muted-foreground">
            <span>true</span>
            <span>false</span>
          </div>
          <Handle id="true" type="source" position={Position.Bottom} style={{ left: "25%" }} className={cn(handleClass, "!bg-success")} aria-label="true" />
          <Handle id="false" type="source" position={Position.Bottom} style={{ left: "75%" }} className={cn(handleClass, "!bg-destructive")} aria-label="false" />
        </>
      ) : (
        node.type !== "end" && node.type !== "answer" && <Handle type="source" position={Position.Bottom} className={handleClass} />
      )}
    </div>
  );
}

export function IterationNode({ data, selected }: NodeProps<StepFlowNode>) {
  return (
    <div data-run-state={data.runState} className={cn(frame(selected, data.problemCount, data.runState), "size-full bg-muted/40 px-3 py-2")} aria-label={`Iteration node ${data.node.title || data.node.id}`}>
      <Handle type="target" position={Position.Top} className={handleClass} />
      <Header {...data} />
      <p className="mt-1 text-[11px] text-muted-foreground">Runs the steps inside once per item.</p>
      <Handle type="source" position={Position.Bottom} className={handleClass} />
    </div>
  );
}

export const flowNodeTypes = { step: StepNode, iteration: IterationNode };
