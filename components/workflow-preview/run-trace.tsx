"use client";
// A run's per-node trace, as the preview and Logs show it: the result (or the error) on top, then one row per node
// run in the order they started, an Iteration's body runs grouped under it by item.
import { Badge } from "@/components/ui/badge";
import { JsonView } from "./json-view";
import { formatMs, NodeRunRow } from "./node-run-row";
import { runEnded, type NodeRunView, type RunView } from "./types";

const runBadge = { queued: "neutral", running: "info", completed: "success", failed: "destructive", stopped: "warning" } as const;

export function RunTrace({
  run,
  onRerunFrom,
  onSelectNode,
  showResult = true,
}: {
  run: RunView;
  /** Offers "Re-run from here" on the top level's rows once the run has ended (the preview; Logs read only). */
  onRerunFrom?: (nodeId: string) => void;
  onSelectNode?: (nodeId: string) => void;
  showResult?: boolean;
}) {
  const nodes = new Map(run.snapshot.graph.nodes.map((node) => [node.id, node]));
  const title = (nodeId: string) => nodes.get(nodeId)?.title.trim() || nodeId;
  const top = run.nodeRuns.filter((row) => row.itemIndex === null);
  const body = (iterationId: string) => run.nodeRuns.filter((row) => row.itemIndex !== null && nodes.get(row.nodeId)?.parentId === iterationId);
  const ended = runEnded(run.status);
  const started = run.startedAt ? new Date(run.startedAt).getTime() : null;
  const took = started && run.finishedAt ? new Date(run.finishedAt).getTime() - started : null;
  const tokens = run.usage ? run.usage.inputTokens + run.usage.outputTokens : 0;
  return (
    <section aria-label="Run trace" data-testid="run-trace" data-run-id={run.id} data-status={run.status} className="grid min-w-0 gap-3">
      <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
        <Badge variant={runBadge[run.status]}>{run.status}</Badge>
        {took !== null && <span className="tabular-nums">{formatMs(took)}</span>}
        {tokens > 0 && <span className="tabular-nums">{tokens.toLocaleString("en")} tokens</span>}
      </div>
      {showResult && run.status === "completed" && run.outputs && (
        <div data-testid="run-outputs">
          <JsonView label="Result" value={run.snapshot.mode === "chatflow" ? run.outputs["answer"] : run.outputs} />
        </div>
      )}
      {run.status === "failed" && run.error && (
        <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive [overflow-wrap:anywhere]">
          {run.error}
        </p>
      )}
      {run.status === "stopped" && <p className="text-sm text-muted-foreground">Stopped.</p>}
      {top.length === 0 ? (
        <p className="text-sm text-muted-foreground">{ended ? "No node ran." : "Starting…"}</p>
      ) : (
        <ol className="grid gap-1.5" aria-label="Node runs">
          {top.map((row) => (
            <NodeRunRow
              key={row.id}
              row={row}
              title={title(row.nodeId)}
              onShow={onSelectNode && nodes.has(row.nodeId) ? () => onSelectNode(row.nodeId) : undefined}
              onRerun={onRerunFrom && ended && row.status !== "skipped" && nodes.has(row.nodeId) ? () => onRerunFrom(row.nodeId) : undefined}
            >
              {row.nodeType === "iteration" && <IterationItems rows={body(row.nodeId)} title={title} onSelectNode={onSelectNode} />}
            </NodeRunRow>
          ))}
        </ol>
      )}
    </section>
  );
}

function IterationItems({ rows, title, onSelectNode }: { rows: NodeRunView[]; title: (nodeId: string) => string; onSelectNode?: (nodeId: string) => void }) {
  const items = [...new Set(rows.map((row) => row.itemIndex!))].sort((a, b) => a - b);
  if (items.length === 0) return <p className="text-xs text-muted-foreground">No item ran.</p>;
  return (
    <div className="grid gap-2">
      {items.map((item) => (
        <div key={item} className="grid gap-1" data-testid="iteration-item">
          <p className="text-xs font-medium text-muted-foreground">Item {item + 1}</p>
          <ol className="grid gap-1.5 border-l pl-2" aria-label={`Item ${item + 1}`}>
            {rows.filter((row) => row.itemIndex === item).map((row) => (
              <NodeRunRow key={row.id} row={row} title={title(row.nodeId)} onShow={onSelectNode && (() => onSelectNode(row.nodeId))} />
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
