"use client";
// One node run in a trace: title, type, status, time and tokens; opens to its inputs, outputs and error.
import { CheckCircle2, ChevronRight, Crosshair, CircleMinus, Loader2, RotateCcw, XCircle } from "lucide-react";
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { JsonView } from "./json-view";
import type { NodeRunView } from "./types";

const statusIcon = {
  running: <Loader2 aria-hidden className="size-4 shrink-0 animate-spin text-info" />,
  completed: <CheckCircle2 aria-hidden className="size-4 shrink-0 text-success" />,
  failed: <XCircle aria-hidden className="size-4 shrink-0 text-destructive" />,
  skipped: <CircleMinus aria-hidden className="size-4 shrink-0 text-muted-foreground" />,
};

export function formatMs(ms: number | null | undefined) {
  if (ms === null || ms === undefined) return "";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function NodeRunRow({
  row,
  title,
  onRerun,
  onShow,
  children,
}: {
  row: NodeRunView;
  title: string;
  /** Offered on a node of the top level once the run has ended. */
  onRerun?: () => void;
  /** Selects the node on the canvas. */
  onShow?: () => void;
  /** An Iteration's items. */
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const panel = useId();
  const tokens = row.usage ? row.usage.inputTokens + row.usage.outputTokens : 0;
  const canOpen = row.status !== "skipped" || Boolean(children);
  return (
    <li data-testid="node-run" className="@container rounded-lg border bg-card" data-node-id={row.nodeId} data-status={row.status}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 px-2 py-1.5">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panel}
          disabled={!canOpen}
          onClick={() => setOpen((v) => !v)}
          className="flex min-h-8 min-w-0 flex-1 items-center gap-2 rounded-md px-1 text-left text-sm focus-visible:outline-2 focus-visible:outline-ring disabled:cursor-default"
        >
          <ChevronRight aria-hidden className={cn("size-4 shrink-0 text-muted-foreground transition-transform", open && "rotate-90", !canOpen && "invisible")} />
          {statusIcon[row.status]}
          <span className="truncate font-medium">{title}</span>
          <span className="shrink-0 text-xs text-muted-foreground">{row.nodeType}</span>
          <span className="sr-only">, {row.status}</span>
        </button>
        <span className="ml-auto flex shrink-0 items-center gap-2 text-xs tabular-nums text-muted-foreground">
          {row.status === "skipped" ? <span>skipped</span> : <span>{formatMs(row.durationMs)}</span>}
          {tokens > 0 && <span>{tokens.toLocaleString("en")} tokens</span>}
          {onShow && (
            <Button type="button" variant="ghost" size="icon-sm" onClick={onShow} aria-label={`Show ${title} on the canvas`} title="Show on the canvas">
              <Crosshair aria-hidden />
            </Button>
          )}
          {onRerun && (
            <Button type="button" variant="ghost" size="sm" onClick={onRerun} aria-label={`Re-run from ${title}`}>
              <RotateCcw aria-hidden /> <span className="sr-only @lg:not-sr-only">Re-run from here</span>
            </Button>
          )}
        </span>
      </div>
      {row.error && <p className="px-3 pb-2 text-xs text-destructive [overflow-wrap:anywhere]">{row.error}</p>}
      {open && (
        <div id={panel} className="grid gap-2 border-t p-3">
          {row.inputs !== null && <JsonView label="Inputs" value={row.inputs} />}
          {row.outputs !== null && <JsonView label="Outputs" value={row.outputs} />}
          {row.branch && <p className="text-xs text-muted-foreground">Branch taken: {row.branch}</p>}
          {children}
        </div>
      )}
    </li>
  );
}
