"use client";
// Buttons that add a node of each type; with an Iteration (or a node inside one) selected, they add inside it.
import { Button } from "@/components/ui/button";
import type { NodeType, WorkflowMode } from "@/server/workflows/graph";
import { nodeCatalog, outsideIterationOnly, paletteTypes } from "./node-catalog";

export function NodePalette({ mode, insideIteration, disabled, onAdd }: { mode: WorkflowMode; insideIteration: string | null; disabled?: boolean; onAdd: (type: NodeType) => void }) {
  return (
    <div role="group" aria-label="Add a node" className="flex flex-wrap items-center gap-1.5">
      <span className="mr-1 text-xs text-muted-foreground">{insideIteration ? `Add inside ${insideIteration}:` : "Add:"}</span>
      {paletteTypes(mode).map((type) => {
        const { label, icon: Icon, description } = nodeCatalog[type];
        const blocked = insideIteration !== null && outsideIterationOnly.has(type);
        return (
          <Button key={type} variant="outline" size="sm" title={description} aria-label={`Add ${label}`} disabled={disabled || blocked} onClick={() => onAdd(type)}>
            <Icon aria-hidden /> {label}
          </Button>
        );
      })}
    </div>
  );
}
