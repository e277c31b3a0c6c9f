"use client";
// "Re-run from here": the outputs of the nodes the chosen node reads, editable as JSON, then a new run from it.
import { useState, type FormEvent } from "react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Textarea } from "@/components/ui/textarea";
import { ancestorsOf, scopeOf } from "@/server/workflows/graph-order";
import type { RunView } from "./types";

export function RerunDialog({
  run,
  nodeId,
  onClose,
  onRun,
}: {
  run: RunView;
  nodeId: string;
  onClose: () => void;
  /** Starts the new run with the edited outputs (only the ones changed); rejects with the reason it was refused. */
  onRun: (outputs: Record<string, Record<string, unknown>>) => Promise<void>;
}) {
  const graph = run.snapshot.graph;
  const title = (id: string) => graph.nodes.find((node) => node.id === id)?.title.trim() || id;
  const upstream = ancestorsOf(nodeId, scopeOf(graph, null).edges);
  const rows = run.nodeRuns.filter((row) => row.itemIndex === null && row.status === "completed" && upstream.has(row.nodeId));
  const original = Object.fromEntries(rows.map((row) => [row.nodeId, JSON.stringify(row.outputs ?? {}, null, 2)]));
  const [texts, setTexts] = useState(original);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problems = Object.fromEntries(rows.map((row) => [row.nodeId, problemOf(texts[row.nodeId] ?? "")]));
  const invalid = Object.values(problems).some(Boolean);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (invalid) return;
    const edited: Record<string, Record<string, unknown>> = {};
    for (const [id, text] of Object.entries(texts)) if (text !== original[id]) edited[id] = JSON.parse(text) as Record<string, unknown>;
    setPending(true);
    setError(null);
    try {
      await onRun(edited);
      onClose();
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : "The run could not be started.");
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-w-2xl">
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Re-run from {title(nodeId)}</DialogTitle>
            <DialogDescription>
              The nodes before it keep what they gave in this run; change their outputs here to try {title(nodeId)} and what follows with other values.
            </DialogDescription>
          </DialogHeader>
          {rows.length === 0 && <p className="text-sm text-muted-foreground">{title(nodeId)} reads no earlier node. It runs again with the same inputs.</p>}
          {rows.map((row) => {
            const id = `rerun-${row.nodeId}`;
            return (
              <div key={row.nodeId} className="grid gap-1.5">
                <label htmlFor={id} className="text-sm font-medium">
                  {title(row.nodeId)} <span className="font-normal text-muted-foreground">outputs</span>
                </label>
                <Textarea
                  id={id}
                  rows={Math.min(12, (texts[row.nodeId] ?? "").split("\n").length + 1)}
                  className="font-mono text-xs"
                  value={texts[row.nodeId]}
                  aria-invalid={Boolean(problems[row.nodeId]) || undefined}
                  aria-describedby={problems[row.nodeId] ? `${id}-problem` : undefined}
                  onChange={(e) => setTexts((t) => ({ ...t, [row.nodeId]: e.target.value }))}
                />
                {problems[row.nodeId] && (
                  <p id={`${id}-problem`} className="text-xs text-destructive">{problems[row.nodeId]}</p>
                )}
              </div>
            );
          })}
          {error && <p role="alert" className="text-sm text-destructive">{error}</p>}
          <FormDialogFooter submitLabel="Run" pending={pending} disabled={invalid} onCancel={onClose} />
        </form>
      </DialogContent>
    </Dialog>
  );
}

function problemOf(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? null : "Outputs are a JSON object: { \"name\": value }.";
  } catch (error) {
    return `Not valid JSON: ${error instanceof Error ? error.message : "check the brackets and quotes"}.`;
  }
}
