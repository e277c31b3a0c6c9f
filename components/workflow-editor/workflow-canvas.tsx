"use client";
// The canvas: React Flow drawing the graph, which stays the one source of truth. Moves, connections and deletions
// become graph edits through the history (use-graph-history.ts), so each can be undone.
import { Background, Controls, ReactFlow, type Dimensions, type EdgeChange, type NodeChange, type ReactFlowInstance } from "@xyflow/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { GraphProblem } from "@/server/workflows/check-graph";
import type { WorkflowGraph } from "@/server/workflows/graph";
import { flowNodeTypes, type StepFlowNode } from "./flow-nodes";
import { connect, moveNode } from "./graph-edits";
import type { NodeState } from "@/components/workflow-preview/types";
import { toFlowEdges, toFlowNodes } from "./to-flow";
import type { useGraphHistory } from "./use-graph-history";

export interface Selection {
  nodes: string[];
  edges: string[];
}

export function WorkflowCanvas({
  graph,
  problems,
  selection,
  onSelectionChange,
  history,
  disabled,
  colorMode,
  fitRequest,
  runStates,
}: {
  graph: WorkflowGraph;
  problems: GraphProblem[];
  selection: Selection;
  onSelectionChange: (next: Selection) => void;
  history: ReturnType<typeof useGraphHistory>;
  disabled: boolean;
  colorMode: "light" | "dark";
  /** Bumped when a node is added: the view fits again so the new node is in sight. */
  fitRequest: number;
  /** Each node's state in the preview's current run: the canvas lights them up as they run. */
  runStates?: Record<string, NodeState>;
}) {
  const flow = useRef<ReactFlowInstance<StepFlowNode> | null>(null);
  useEffect(() => {
    if (fitRequest === 0) return;
    // After the new node has been measured, or it would not count in the bounds.
    const timer = setTimeout(() => void flow.current?.fitView({ maxZoom: 1, duration: 200 }), 60);
    return () => clearTimeout(timer);
  }, [fitRequest]);
  // React Flow measures nodes and reports the sizes as changes; they belong to the drawing, not the graph.
  const [measured, setMeasured] = useState<Record<string, Dimensions>>({});
  const dragging = useRef(false);
  const nodes = useMemo(() => {
    const selected = new Set(selection.nodes);
    return toFlowNodes(graph, problems, selected, disabled, runStates).map((node) => (measured[node.id] ? { ...node, measured: measured[node.id] } : node));
  }, [graph, problems, selection.nodes, disabled, measured, runStates]);
  const edges = useMemo(() => toFlowEdges(graph, problems, new Set(selection.edges), disabled), [graph, problems, selection.edges, disabled]);

  function onNodesChange(changes: NodeChange<StepFlowNode>[]) {
    const sizes: Record<string, Dimensions> = {};
    let nextNodes = selection.nodes;
    for (const change of changes) {
      if (change.type === "dimensions" && change.dimensions) sizes[change.id] = change.dimensions;
      if (change.type === "select") nextNodes = change.selected ? [...new Set([...nextNodes, change.id])] : nextNodes.filter((id) => id !== change.id);
      if (change.type === "position" && change.position) {
        const position = change.position;
        // A drag recorded one undo step when it started; a keyboard move is a step of its own.
        history.change((g) => moveNode(g, change.id, position), { record: !dragging.current });
      }
    }
    if (Object.keys(sizes).length > 0) setMeasured((m) => ({ ...m, ...sizes }));
    if (nextNodes !== selection.nodes) onSelectionChange({ ...selection, nodes: nextNodes });
  }

  function onEdgesChange(changes: EdgeChange[]) {
    let nextEdges = selection.edges;
    for (const change of changes) {
      if (change.type === "select") nextEdges = change.selected ? [...new Set([...nextEdges, change.id])] : nextEdges.filter((id) => id !== change.id);
    }
    if (nextEdges !== selection.edges) onSelectionChange({ ...selection, edges: nextEdges });
  }

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={flowNodeTypes}
      onInit={(instance) => (flow.current = instance)}
      colorMode={colorMode}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDragStart={() => {
        history.record();
        dragging.current = true;
      }}
      onNodeDragStop={() => {
        // The drag's last position change may arrive just after this; it belongs to the same undo step.
        setTimeout(() => (dragging.current = false), 0);
      }}
      onConnect={(c) => history.change((g) => connect(g, c.source, c.target, c.sourceHandle === "true" || c.sourceHandle === "false" ? c.sourceHandle : null))}
      isValidConnection={(c) => {
        const source = graph.nodes.find((n) => n.id === c.source);
        const target = graph.nodes.find((n) => n.id === c.target);
        return Boolean(source && target && source.id !== target.id && source.parentId === target.parentId && target.type !== "start");
      }}
      // The editor owns Delete and Backspace (workflow-editor.tsx), so deleting is one graph edit it can undo.
      deleteKeyCode={null}
      nodesConnectable={!disabled}
      fitView
      fitViewOptions={{ maxZoom: 1 }}
      minZoom={0.2}
      proOptions={{ hideAttribution: true }}
    >
      <Background />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
