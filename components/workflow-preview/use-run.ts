"use client";
// One run, read every ~400 ms while it is queued or running, then left alone; its node states told as they change.
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { nodeStates, runEnded, type NodeState } from "./types";

export function useRun(runId: string | null, onNodeStates?: (states: Record<string, NodeState>) => void) {
  const trpc = useTRPC();
  const run = useQuery(
    trpc.workflows.getRun.queryOptions(
      { runId: runId ?? "none" },
      { enabled: Boolean(runId), refetchInterval: (query) => (runEnded(query.state.data?.status) || query.state.error ? false : 400) },
    ),
  );
  const key = run.data ? JSON.stringify(nodeStates(run.data)) : "";
  useEffect(() => {
    if (onNodeStates && key) onNodeStates(JSON.parse(key) as Record<string, NodeState>);
    // Only when the states change, not on every poll.
  }, [key]);
  return run;
}
