// Calling one workflow node executor directly, as the engine would: a node parsed from its data (defaults filled)
// and a run context with earlier outputs, memory and a signal.
import { randomUUID } from "node:crypto";
import { workflowNodeSchema, type NodeOfType, type NodeType } from "@/server/workflows/graph";
import type { NodeRunContext } from "@/server/workflows/nodes/node-executor";
import type { callerAs } from "./fixtures";

export function nodeOf<T extends NodeType>(type: T, data: Record<string, unknown>, id = `${type.replace("-", "_")}_1`): NodeOfType<T> {
  return workflowNodeSchema.parse({ id, type, data }) as NodeOfType<T>;
}

export function nodeContext({
  workspaceId,
  userId = null,
  outputs = {},
  history = [],
  signal = new AbortController().signal,
}: {
  workspaceId: string;
  userId?: string | null;
  outputs?: Record<string, Record<string, unknown>>;
  history?: NodeRunContext["history"];
  signal?: AbortSignal;
}): NodeRunContext {
  return { workspaceId, appId: randomUUID(), runId: randomUUID(), userId, outputs: new Map(Object.entries(outputs)), history, signal };
}

/** A server added under Tools with its tool list stored, as the console does it (Update tools). */
export async function storedMcpServer(caller: ReturnType<typeof callerAs>, input: { name: string; identifier: string; url: string }) {
  const server = await caller.mcpServers.create(input);
  const preview = await caller.mcpServers.previewTools({ id: server.id });
  if (preview.status !== "ok") throw new Error(preview.message);
  await caller.mcpServers.applyTools({ id: server.id, token: preview.token });
  return server;
}
