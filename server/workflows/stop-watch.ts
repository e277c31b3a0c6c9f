// How a run on this instance learns it was stopped from anywhere: a stop is stored first and the job cancelled after,
// and a queue may notice the cancel late (pg-boss on its heartbeat). One timer per instance reads the status of every
// run this process holds in one query each second, rather than a timer and a query per run (the shape of
// server/mcp/server/cancellations.ts).
import "server-only";
import { getDb } from "@/server/db";
import { listWorkflowRunStatuses } from "@/server/db/queries/workflow-runs";

export const stopWatchMs = 1_000;

const held = new Map<string, AbortController>();
let timer: NodeJS.Timeout | null = null;

async function check() {
  if (held.size === 0) return;
  const rows = await listWorkflowRunStatuses(await getDb(), { ids: [...held.keys()] });
  for (const row of rows) {
    if (row.status !== "queued" && row.status !== "running") held.get(row.id)?.abort(new Error("run stopped"));
  }
}

/** A signal that aborts once the run's stored status says it ended elsewhere; `release` when the run is done. */
export function watchForStop(runId: string): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  held.set(runId, controller);
  if (!timer) {
    // A database hiccup skips one look; the next second looks again.
    timer = setInterval(() => void check().catch(() => {}), stopWatchMs);
    timer.unref();
  }
  return {
    signal: controller.signal,
    release() {
      held.delete(runId);
      if (held.size === 0 && timer) {
        clearInterval(timer);
        timer = null;
      }
    },
  };
}
