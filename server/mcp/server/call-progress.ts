// notifications/progress for one published tools/call that asked for it (MCP 2025-06-18, utilities/progress): one
// per runtime step, each progress a connected server reports for the tool it is running, and between them a
// heartbeat, so a client that resets its request timeout on progress (the SDK's resetTimeoutOnProgress) keeps
// waiting through a long model turn. The heartbeat timer lives only as long as the call: `stop` ends it.
import "server-only";
import type { ProgressToken, ServerNotification } from "@modelcontextprotocol/sdk/types.js";
import type { RunEvent } from "@/server/agent/run-events";

/** Time without any progress before a heartbeat is sent; well under the shortest client timeouts seen (3 s). */
export const progressHeartbeatMs = 2_000;

export interface CallProgress {
  onEvent(event: RunEvent): void;
  stop(): void;
}

/** The message for a runtime step or a tool's own progress; other events are not steps. */
function progressMessage(event: RunEvent): string | null {
  switch (event.type) {
    case "tool-call-started":
      return `Calling tool ${event.name}`;
    case "tool-progress": {
      const amount = event.total !== undefined ? `${event.progress}/${event.total}` : String(event.progress);
      return `Tool ${event.name}: ${event.message ?? amount}`;
    }
    case "tool-call-finished":
      return event.stopped ? `Tool ${event.name} stopped` : event.isError ? `Tool ${event.name} failed` : `Tool ${event.name} finished`;
    case "round-finished":
      return `Model round ${event.round} finished`;
    case "workflow-node-finished":
      return `Step ${event.title} ${event.status}`;
    default:
      return null;
  }
}

export function startCallProgress({
  progressToken,
  notify,
  signal,
  heartbeat,
}: {
  progressToken: ProgressToken;
  notify(notification: ServerNotification): Promise<void>;
  signal: AbortSignal;
  /** Off where nobody waits on the wire (a task's job stores its steps as the task's status). */
  heartbeat: boolean;
}): CallProgress {
  const startedAt = Date.now();
  let progress = 0;
  let timer: NodeJS.Timeout | undefined;
  const send = (message: string) => {
    if (signal.aborted) return;
    progress += 1;
    notify({ method: "notifications/progress", params: { progressToken, progress, message } }).catch(() => {});
    arm();
  };
  // Re-armed by every notification, so the heartbeat fills only the silences.
  const arm = () => {
    if (!heartbeat || signal.aborted) return;
    clearTimeout(timer);
    timer = setTimeout(() => send(`Still working (${Math.round((Date.now() - startedAt) / 1000)} s)`), progressHeartbeatMs);
  };
  arm();
  return {
    onEvent(event) {
      const message = progressMessage(event);
      if (message) send(message);
    },
    stop: () => clearTimeout(timer),
  };
}
