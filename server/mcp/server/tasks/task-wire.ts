// A task row as each protocol era shows it. 2025-11-25 (basic/utilities/tasks): a `Task` with `ttl`/`pollInterval`,
// wrapped as `{ task }` on creation; a tool result with isError counts as "failed". The 2026-07-28 Tasks extension
// (SEP-2663 §Tasks, §Task Polling): `resultType`, `ttlMs`/`pollIntervalMs`, the task's fields at the top level, the
// result or error inlined in tasks/get; a tool result with isError is "completed" (it is the tool's answer).
import type { McpTask } from "@/server/db/schema";

export type TaskEra = "2025" | "2026";

/** The extension's identifier in per-request client capabilities (SEP-2663 §Capability Negotiation). */
export const tasksExtension = "io.modelcontextprotocol/tasks";
export const relatedTaskKey = "io.modelcontextprotocol/related-task";

/** What the status message says: the last runtime step and how many steps are done. */
function statusMessage(row: McpTask): string | undefined {
  if (!row.statusMessage) return undefined;
  return row.status === "working" && row.progress > 0 ? `${row.statusMessage} (step ${row.progress})` : row.statusMessage;
}

export function task2025(row: McpTask, taskId: string) {
  const isError = row.status === "completed" && row.result?.isError === true;
  const message = statusMessage(row);
  return {
    taskId,
    status: isError ? ("failed" as const) : row.status,
    ttl: row.ttlMs,
    createdAt: row.createdAt.toISOString(),
    lastUpdatedAt: row.updatedAt.toISOString(),
    pollInterval: row.pollIntervalMs,
    ...(message ? { statusMessage: message } : {}),
  };
}

export function task2026(row: McpTask, taskId: string, { detailed }: { detailed: boolean }) {
  const message = statusMessage(row);
  return {
    taskId,
    status: row.status,
    ...(message ? { statusMessage: message } : {}),
    createdAt: row.createdAt.toISOString(),
    lastUpdatedAt: row.updatedAt.toISOString(),
    ttlMs: row.ttlMs,
    pollIntervalMs: row.pollIntervalMs,
    ...(detailed && row.status === "completed" && row.result ? { result: row.result } : {}),
    ...(detailed && row.status === "failed" ? { error: row.error ?? { code: -32603, message: message ?? "The task failed." } } : {}),
  };
}

/** A request's wish to run as a task in either era: the 2025 `params.task`, or the 2026 extension capability. */
export function taskRequest(params: unknown): { era: TaskEra; ttl?: unknown } | null {
  const p = params as { task?: { ttl?: unknown }; _meta?: Record<string, unknown> } | undefined;
  if (p?.task && typeof p.task === "object") return { era: "2025", ttl: p.task.ttl };
  const capabilities = p?._meta?.["io.modelcontextprotocol/clientCapabilities"] as { extensions?: Record<string, unknown> } | undefined;
  if (capabilities?.extensions && Object.hasOwn(capabilities.extensions, tasksExtension)) return { era: "2026" };
  return null;
}
