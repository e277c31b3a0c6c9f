"use client";
// The workflow editor (issue 29): the canvas with its palette and undo/redo, the selected node's settings beside
// it, and the place for Debug & Preview. The graph autosaves into the app's draft like every other app's settings.
import { useQuery } from "@tanstack/react-query";
import { LayoutGrid, Redo2, Undo2 } from "lucide-react";
import { useTheme } from "next-themes";
import { useEffect, useState } from "react";
import { DraftHeader } from "@/components/app-editor/draft-header";
import { useAppDraft } from "@/components/app-editor/use-app-draft";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { NodeType, WorkflowMode } from "@/server/workflows/graph";
import { addNode, deleteElements, freePosition } from "./graph-edits";
import { outsideIterationOnly } from "./node-catalog";
import { NodePalette } from "./node-palette";
import { ProblemsMenu } from "./problems-menu";
import { SelectedNodePanel } from "./selected-node-panel";
import { tidyLayout } from "./tidy-layout";
import { useWorkflowGraph } from "./use-workflow-graph";
import { WorkflowCanvas, type Selection } from "./workflow-canvas";
import type { NodeState } from "@/components/workflow-preview/types";
import { WorkflowPreview } from "@/components/workflow-preview/workflow-preview";
import "@xyflow/react/dist/style.css";

export function WorkflowEditor({ appId }: { appId: string }) {
  const trpc = useTRPC();
  const { app, draft, setDraft, saveState, saveError, saveNow } = useAppDraft(appId);
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const canEdit = current.data ? current.data.role !== "member" : false;
  if (app.isError) return <p className="text-sm text-destructive">{app.error.message}</p>;
  if (!app.data || !draft) return <Skeleton className="h-96" />;
  const mode: WorkflowMode = app.data.type === "chatflow" ? "chatflow" : "workflow";
  return (
    <>
      <DraftHeader app={app.data} canEdit={canEdit} saveState={saveState} saveError={saveError} saveNow={saveNow} />
      <WorkflowWorkspace appId={appId} mode={mode} draft={draft} setDraft={setDraft} saveNow={saveNow} canEdit={canEdit} />
    </>
  );
}

type WorkspaceProps = {
  appId: string;
  mode: WorkflowMode;
  draft: NonNullable<ReturnType<typeof useAppDraft>["draft"]>;
  setDraft: ReturnType<typeof useAppDraft>["setDraft"];
  saveNow: () => Promise<void>;
  canEdit: boolean;
};

function WorkflowWorkspace({ appId, mode, draft, setDraft, saveNow, canEdit }: WorkspaceProps) {
  const { resolvedTheme } = useTheme();
  const { graph, history, ctx, problems } = useWorkflowGraph(draft, mode, setDraft);
  const [selection, setSelection] = useState<Selection>({ nodes: [], edges: [] });
  const [tab, setTab] = useState("node");
  const [fitRequest, setFitRequest] = useState(0);
  const [runStates, setRunStates] = useState<Record<string, NodeState>>({});
  const selected = selection.nodes.length === 1 ? graph.nodes.find((n) => n.id === selection.nodes[0]) : undefined;
  const iteration = selected?.type === "iteration" ? selected.id : (selected?.parentId ?? null);
  const { undo, redo } = history;

  // Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z undo the graph, Delete and Backspace delete the selection; inside a text field
  // the keys stay the field's own.
  const { change } = history;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      if ((event.key === "Delete" || event.key === "Backspace") && canEdit && (selection.nodes.length > 0 || selection.edges.length > 0)) {
        event.preventDefault();
        change((g) => deleteElements(g, selection.nodes, selection.edges));
        setSelection({ nodes: [], edges: [] });
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== "z") return;
      event.preventDefault();
      if (event.shiftKey) redo();
      else undo();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undo, redo, change, canEdit, selection]);

  function add(type: NodeType) {
    const parentId = iteration && !outsideIterationOnly.has(type) ? iteration : null;
    let id = "";
    history.change((g) => {
      const added = addNode(g, type, { position: freePosition(g, parentId), parentId, model: draft.model });
      id = added.id;
      return added.graph;
    });
    setSelection({ nodes: [id], edges: [] });
    setTab("node");
    setFitRequest((n) => n + 1);
  }

  const select = (nodeId: string) => {
    setSelection({ nodes: [nodeId], edges: [] });
    setTab("node");
  };

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <NodePalette mode={mode} insideIteration={iteration} disabled={!canEdit} onAdd={add} />
        <div className="flex items-center gap-1.5">
          <Button variant="outline" size="icon-sm" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={!history.canUndo} onClick={undo}>
            <Undo2 aria-hidden />
          </Button>
          <Button variant="outline" size="icon-sm" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" disabled={!history.canRedo} onClick={redo}>
            <Redo2 aria-hidden />
          </Button>
          <Button variant="outline" size="icon-sm" aria-label="Tidy up" title="Tidy up: lay the steps out from top to bottom" disabled={!canEdit} onClick={() => { history.change(tidyLayout); setFitRequest((n) => n + 1); }}>
            <LayoutGrid aria-hidden />
          </Button>
          <ProblemsMenu problems={problems} titleOf={(id) => graph.nodes.find((n) => n.id === id)?.title || id} onSelect={select} />
        </div>
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="h-[60vh] min-h-96 overflow-hidden rounded-lg border bg-background lg:h-[calc(100vh-14rem)]" aria-label="Workflow canvas" role="region">
          <WorkflowCanvas graph={graph} problems={problems} selection={selection} onSelectionChange={setSelection} history={history} disabled={!canEdit} colorMode={resolvedTheme === "dark" ? "dark" : "light"} fitRequest={fitRequest} runStates={runStates} />
        </div>
        <Tabs value={tab} onValueChange={setTab} className="min-w-0">
          <TabsList>
            <TabsTrigger value="node">Node</TabsTrigger>
            <TabsTrigger value="preview">Preview</TabsTrigger>
          </TabsList>
          <TabsContent value="node" className="mt-3 rounded-lg border bg-card p-4 lg:max-h-[calc(100vh-16rem)] lg:overflow-y-auto">
            <SelectedNodePanel graph={graph} node={selected} problems={problems} ctx={ctx} history={history} draft={draft} setDraft={setDraft} disabled={!canEdit} onCleared={() => setSelection({ nodes: [], edges: [] })} />
          </TabsContent>
          {/* Kept mounted on the Node tab, so a run and its trace survive a look at a node. */}
          <TabsContent value="preview" className="mt-3 data-[state=inactive]:hidden" forceMount>
            <WorkflowPreview appId={appId} mode={mode} variables={draft.variables} beforeRun={saveNow} hasProblems={problems.length > 0} onSelectNode={select} onNodeStates={setRunStates} />
          </TabsContent>
        </Tabs>
      </div>
    </div>
  );
}
