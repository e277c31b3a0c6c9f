// Builders for workflow tests: a workflow or chatflow app whose draft holds a given graph, made through the router.
import type { z } from "zod";
import type { variableSchema } from "@/server/apps/app-config";
import type { WorkflowLimits } from "@/server/workflows/graph";
import { callerAs, createOwner } from "./fixtures";

type NodeSpec = { id: string; type: string; title?: string; parentId?: string | null; data?: Record<string, unknown> };

export const wfNode = (id: string, type: string, data: Record<string, unknown> = {}, extra: { title?: string; parentId?: string } = {}): NodeSpec => ({
  id,
  type,
  title: extra.title ?? id,
  parentId: extra.parentId ?? null,
  data,
});

export const wfEdge = (source: string, target: string, sourceHandle: "true" | "false" | null = null) => ({ id: `${source}-${sourceHandle ?? "out"}-${target}`, source, target, sourceHandle });

export async function createWorkflowApp({
  mode = "workflow",
  nodes,
  edges,
  variables = [],
  limits = {},
}: {
  mode?: "workflow" | "chatflow";
  nodes: NodeSpec[];
  edges: ReturnType<typeof wfEdge>[];
  variables?: z.input<typeof variableSchema>[];
  limits?: Partial<WorkflowLimits>;
}) {
  const owner = await createOwner("wf");
  const caller = callerAs(owner.user.id, owner.workspace.id);
  const app = await caller.apps.create({ type: mode, name: "A workflow" });
  await caller.apps.updateDraft({ id: app.id, draft: { variables, workflow: { nodes, edges, limits } } as never });
  return { owner, caller, app, workspaceId: owner.workspace.id, userId: owner.user.id };
}
