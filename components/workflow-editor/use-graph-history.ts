"use client";
// Undo and redo over the whole graph. Every change goes through `change`; a drag records once, at its start, so
// one undo puts the node back where the drag began.
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkflowGraph } from "@/server/workflows/graph";

const depth = 100;

export function useGraphHistory(graph: WorkflowGraph, setGraph: (next: WorkflowGraph) => void) {
  // The newest graph, also between a change and the render it causes, so two changes in one tick compose.
  const current = useRef(graph);
  useEffect(() => {
    current.current = graph;
  }, [graph]);
  const past = useRef<WorkflowGraph[]>([]);
  const future = useRef<WorkflowGraph[]>([]);
  const [sizes, setSizes] = useState({ past: 0, future: 0 });
  const sync = () => setSizes({ past: past.current.length, future: future.current.length });

  const apply = useCallback(
    (next: WorkflowGraph) => {
      current.current = next;
      setGraph(next);
    },
    [setGraph],
  );

  /** Remembers the graph as it is now, as one undo step. */
  const record = useCallback(() => {
    past.current = [...past.current.slice(-(depth - 1)), current.current];
    future.current = [];
    sync();
  }, []);

  // Typing in one field is one undo step, not one per key: edits with the same key within a second coalesce.
  const lastKey = useRef<{ key: string; at: number } | null>(null);

  const change = useCallback(
    (update: (graph: WorkflowGraph) => WorkflowGraph, options: { record?: boolean; coalesce?: string } = {}) => {
      const next = update(current.current);
      if (next === current.current) return;
      const now = Date.now();
      const joins = options.coalesce !== undefined && lastKey.current?.key === options.coalesce && now - lastKey.current.at < 1000;
      lastKey.current = options.coalesce !== undefined ? { key: options.coalesce, at: now } : null;
      if (options.record !== false && !joins) record();
      apply(next);
    },
    [apply, record],
  );

  const undo = useCallback(() => {
    const previous = past.current.at(-1);
    if (!previous) return;
    lastKey.current = null;
    past.current = past.current.slice(0, -1);
    future.current = [current.current, ...future.current];
    sync();
    apply(previous);
  }, [apply]);

  const redo = useCallback(() => {
    const next = future.current[0];
    if (!next) return;
    future.current = future.current.slice(1);
    past.current = [...past.current, current.current];
    sync();
    apply(next);
  }, [apply]);

  return { change, record, undo, redo, canUndo: sizes.past > 0, canRedo: sizes.future > 0 };
}
