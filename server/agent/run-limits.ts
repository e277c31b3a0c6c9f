// How long a run may go quiet or last, so none is left "running" forever by a model that stops answering, and how
// much of one tool result its model is sent, so one large result does not flood the context.
import { env } from "@/server/env";

export const runLimits = {
  /**
   * No model output for this long (outside tool calls, which have their own timeouts) fails the run: no chunk when
   * the answer is streamed, no answer at all when it is asked for whole.
   */
  modelIdleMs: 120_000,
  /** No run lasts longer than this. */
  maxRunMs: 30 * 60_000,
  /** Characters of text per tool result sent to the model (TOOL_RESULT_MAX_CHARS); the trace keeps it whole. */
  toolResultChars: env.TOOL_RESULT_MAX_CHARS,
};

/**
 * Calls `onStall` when `touch()` has not been called for `idleMs`, except while `busy()` (a tool call in flight).
 * Also fires once `maxMs` has passed since start, whatever happens. All runs of a process share one ticker (see
 * below): a timer per run would wake the event loop once a second for every call in flight.
 */
export function createWatchdog({ idleMs, maxMs, busy, onStall }: { idleMs: number; maxMs: number; busy: () => boolean; onStall: () => void }) {
  let last = Date.now();
  const deadline = last + maxMs;
  const watch: Watch = {
    everyMs: Math.min(idleMs / 4, 1_000),
    check(now) {
      if (busy()) last = now;
      if (now - last > idleMs || now > deadline) {
        watches.delete(watch);
        onStall();
      }
    },
  };
  watches.add(watch);
  arm(watch.everyMs);
  return {
    touch: () => void (last = Date.now()),
    stop() {
      watches.delete(watch);
      // Nothing left to watch: the pending tick would only keep the process awake.
      if (watches.size === 0 && ticker) {
        clearTimeout(ticker.timer);
        ticker = undefined;
      }
    },
  };
}

interface Watch {
  everyMs: number;
  check(now: number): void;
}

const watches = new Set<Watch>();
let ticker: { timer: NodeJS.Timeout; dueAt: number } | undefined;

/** Schedules the shared tick within `everyMs`; it stops rescheduling itself once no run is watched. */
function arm(everyMs: number) {
  const dueAt = Date.now() + everyMs;
  if (ticker && ticker.dueAt <= dueAt) return;
  if (ticker) clearTimeout(ticker.timer);
  ticker = { timer: setTimeout(tick, everyMs), dueAt };
}

function tick() {
  ticker = undefined;
  const now = Date.now();
  for (const watch of watches) watch.check(now);
  let everyMs = Infinity;
  for (const watch of watches) everyMs = Math.min(everyMs, watch.everyMs);
  if (everyMs !== Infinity) arm(everyMs);
}
