"use client";
// Connections from the selected node, editable without a pointer: what follows it (per branch for If/Else), with
// a remove button each, and a select that connects it to another node of its scope.
import { X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/select";
import type { WorkflowGraph, WorkflowNode } from "@/server/workflows/graph";

export function NodeConnections({
  graph,
  node,
  disabled,
  onConnect,
  onRemove,
}: {
  graph: WorkflowGraph;
  node: WorkflowNode;
  disabled?: boolean;
  onConnect: (target: string, sourceHandle: "true" | "false" | null) => void;
  onRemove: (edgeId: string) => void;
}) {
  const [branch, setBranch] = useState<"true" | "false">("true");
  if (node.type === "end" || node.type === "answer") return null;
  const titleOf = (id: string) => graph.nodes.find((n) => n.id === id)?.title || id;
  const outgoing = graph.edges.filter((edge) => edge.source === node.id);
  const targets = graph.nodes.filter((n) => n.parentId === node.parentId && n.id !== node.id && n.type !== "start");
  return (
    <section aria-label="Connections" className="grid gap-2">
      <h3 className="text-sm font-medium">Next steps</h3>
      {outgoing.length === 0 && <p className="text-xs text-muted-foreground">Nothing follows this node yet.</p>}
      <ul className="grid gap-1">
        {outgoing.map((edge) => (
          <li key={edge.id} className="flex items-center justify-between gap-2 rounded-md border px-2 py-1 text-sm">
            <span className="truncate">
              {edge.sourceHandle ? `${edge.sourceHandle} → ` : "→ "}
              {titleOf(edge.target)}
            </span>
            <Button variant="ghost" size="icon-sm" disabled={disabled} aria-label={`Disconnect from ${titleOf(edge.target)}`} onClick={() => onRemove(edge.id)}>
              <X aria-hidden />
            </Button>
          </li>
        ))}
      </ul>
      {!disabled && (
        <div className="flex flex-wrap gap-2">
          {node.type === "if-else" && (
            <NativeSelect aria-label="Branch" wrapperClassName="w-24" value={branch} onChange={(e) => setBranch(e.target.value as "true" | "false")}>
              <option value="true">true</option>
              <option value="false">false</option>
            </NativeSelect>
          )}
          <NativeSelect
            aria-label="Connect to"
            wrapperClassName="min-w-0 flex-1"
            value=""
            onChange={(e) => e.target.value && onConnect(e.target.value, node.type === "if-else" ? branch : null)}
          >
            <option value="">Connect to…</option>
            {targets.map((n) => (
              <option key={n.id} value={n.id}>
                {n.title || n.id} ({n.id})
              </option>
            ))}
          </NativeSelect>
        </div>
      )}
    </section>
  );
}
