"use client";
// The toolbar's list of every problem in the graph; choosing one selects its node.
import { CircleAlert, CircleCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { GraphProblem } from "@/server/workflows/check-graph";

export function ProblemsMenu({ problems, titleOf, onSelect }: { problems: GraphProblem[]; titleOf: (id: string) => string; onSelect: (nodeId: string) => void }) {
  if (problems.length === 0) {
    return (
      <span role="status" className="inline-flex items-center gap-1.5 text-xs text-success">
        <CircleCheck aria-hidden className="size-3.5" /> No problems
      </span>
    );
  }
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm" className="text-destructive">
          <CircleAlert aria-hidden /> {problems.length} {problems.length === 1 ? "problem" : "problems"}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="max-h-96 w-80 overflow-y-auto">
        {problems.map((p, i) => (
          <DropdownMenuItem key={i} disabled={!p.nodeId} onSelect={() => p.nodeId && onSelect(p.nodeId)} className="grid gap-0.5">
            <span className="text-xs font-medium">{p.nodeId ? titleOf(p.nodeId) : "Workflow"}</span>
            <span className="text-xs text-muted-foreground">{p.message}</span>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
