"use client";
// The workflow draft as the editor sees it: the graph with its history, the checker's problems on every change,
// and what each node may reference. Edits land in the app's draft, which saves itself (use-app-draft.ts).
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { AppConfig } from "@/server/apps/app-config";
import { checkGraph } from "@/server/workflows/check-graph";
import type { SchemaContext } from "@/server/workflows/check-references";
import { emptyWorkflow, type WorkflowGraph, type WorkflowMode } from "@/server/workflows/graph";
import { useGraphHistory } from "./use-graph-history";

export function useWorkflowGraph(draft: AppConfig, mode: WorkflowMode, setDraft: (update: (current: AppConfig) => AppConfig) => void) {
  const trpc = useTRPC();
  const servers = useQuery(trpc.mcpServers.list.queryOptions());
  const graph = useMemo(() => draft.workflow ?? emptyWorkflow(mode), [draft.workflow, mode]);
  const setGraph = useCallback((workflow: WorkflowGraph) => setDraft((d) => ({ ...d, workflow })), [setDraft]);
  const history = useGraphHistory(graph, setGraph);

  // What the checker knows of tools: the output schema each connected server lists for its tools.
  const ctx = useMemo<SchemaContext>(
    () => ({
      mode,
      variables: draft.variables,
      toolOutputSchema: (serverId, tool) => servers.data?.find((s) => s.id === serverId)?.tools.find((t) => t.name === tool)?.outputSchema,
    }),
    [mode, draft.variables, servers.data],
  );
  const problems = useMemo(() => checkGraph(graph, ctx), [graph, ctx]);
  return { graph, history, ctx, problems };
}
