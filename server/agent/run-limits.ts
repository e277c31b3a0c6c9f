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
 * Also fires once `maxMs` has passed since start, whatever happens.
 */
export function createWatchdog({ idleMs, maxMs, busy, onStall }: { idleMs: number; maxMs: number; busy: () => boolean; onStall: () => void }) {
  let last = Date.now();
  const deadline = last + maxMs;
  const timer = setInterval(() => {
    const now = Date.now();
    if (busy()) last = now;
    if (now - last > idleMs || now > deadline) {
      clearInterval(timer);
      onStall();
    }
  }, Math.min(idleMs / 4, 1_000));
  return { touch: () => void (last = Date.now()), stop: () => clearInterval(timer) };
}
