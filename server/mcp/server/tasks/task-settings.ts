// Numbers every part of the task room agrees on (docs/mcp-endpoint.md, "Tasks").
import { env } from "@/server/env";

export const taskSettings = {
  /** The queue whose jobs run tasks, and the one that removes expired tasks every few minutes. */
  runQueue: "mcp-task-run",
  cleanupQueue: "mcp-task-cleanup",
  cleanupEveryMinutes: 5,
  /** Kept this long when the client names no ttl; never less than minTtlMs, never more than the setting. */
  defaultTtlMs: 60 * 60 * 1000,
  minTtlMs: 60 * 1000,
  maxTtlMs: env.MCP_TASK_TTL_MAX_SECONDS * 1000,
  /** What clients are asked to wait between polls. */
  pollIntervalMs: 2_000,
  /** How often a running task checks for a tasks/cancel that reached another instance. */
  cancelPollMs: 1_000,
  /** tasks/result (2025-11-25) blocks until the task ends; it checks the row this often meanwhile. */
  resultPollMs: 500,
  /** Ids longer than this are no id of ours (ours are 43 characters): refused before any hashing or lookup. */
  maxIdLength: 100,
};

/** A run-queue job's data: which task, in which workspace. */
export interface TaskRunJob extends Record<string, unknown> {
  workspaceId: string;
  idHash: string;
}

/** The ttl a task gets: the client's wish within [minTtlMs, maxTtlMs], the default without one. */
export function effectiveTtlMs(requested: unknown): number {
  const wish = typeof requested === "number" && Number.isFinite(requested) ? Math.round(requested) : taskSettings.defaultTtlMs;
  return Math.min(taskSettings.maxTtlMs, Math.max(taskSettings.minTtlMs, wish));
}
