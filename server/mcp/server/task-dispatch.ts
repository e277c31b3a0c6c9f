// Where a tools/call that asks to run as a task is decided, one function per lane. For now such a call runs as a
// plain call and gets its normal result: a receiver that does not support task augmentation "MUST process the
// request normally, ignoring the task metadata" (MCP 2025-11-25, utilities/tasks §Capabilities; the 2026-07-28
// Tasks extension likewise). Durable tasks replace these two functions (issue #24, "Tasks").
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

function withoutTask<M>(message: M): M {
  const params = (message as { method?: unknown; params?: unknown }).params;
  if ((message as { method?: unknown }).method !== "tools/call" || !params || typeof params !== "object" || !("task" in params)) return message;
  const { task: _ignored, ...rest } = params as Record<string, unknown>;
  return { ...message, params: rest };
}

/** 2025 lane: the SDK v1 server answers a task-augmented call with -32603 unless it has a task store; drop the ask. */
export function legacyTaskDispatch(message: JSONRPCMessage): JSONRPCMessage {
  return withoutTask(message);
}

/** 2026-07-28 lane: the parsed body before createMcpHandler sees it. */
export function modernTaskDispatch(body: unknown): unknown {
  return body && typeof body === "object" && !Array.isArray(body) ? withoutTask(body) : body;
}
