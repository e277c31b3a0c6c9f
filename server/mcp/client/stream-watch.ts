// The "SSE read" timeout of a server: while a request waits for its answer on an event stream, that stream must send
// something (an event, a keep-alive comment) at least this often, or the request fails with an error saying so.
// Which stream carries an answer depends on the transport: a Streamable HTTP request's own POST response stream
// (found by the request's async context), or under legacy HTTP+SSE the one GET stream every answer comes on.
// A 2025 session's standalone GET stream may rightly stay quiet for hours, so it is never timed out.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

interface Waiter {
  fail(error: Error): void;
}

interface SharedStream {
  rearm(): void;
}

export interface StreamWatch {
  /** Wraps each event-stream answer in an idle timer. */
  fetch: typeof fetch;
  /** Runs one request; it fails when the stream its answer comes on goes quiet for the read timeout. */
  watch<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

export function createStreamWatch({
  fetch: fetchFn,
  readTimeoutMs,
  host,
  sharedAnswers,
}: {
  fetch: typeof fetch;
  readTimeoutMs: number;
  /** Named in the error. */
  host: string;
  /** True for legacy HTTP+SSE: answers come on the GET stream opened outside any request. */
  sharedAnswers: boolean;
}): StreamWatch {
  const requests = new AsyncLocalStorage<Waiter>();
  const pending = new Set<Waiter>();
  const shared = new Set<SharedStream>();
  const stalled = () => new Error(`${host} sent nothing for ${Math.round(readTimeoutMs / 1000)} s while an answer was due (its SSE read timeout), so the request was stopped.`);

  function watched(body: ReadableStream<Uint8Array>, owner: Waiter | undefined): ReadableStream<Uint8Array> {
    const reader = body.getReader();
    let timer: NodeJS.Timeout | undefined;
    let entry: SharedStream | undefined;
    const stop = () => {
      clearTimeout(timer);
      if (entry) shared.delete(entry);
    };
    return new ReadableStream<Uint8Array>({
      start(controller) {
        const arm = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            const waiting = owner ? [owner] : sharedAnswers ? [...pending] : [];
            // A quiet stream nobody waits on is fine; keep watching for when someone does.
            if (waiting.length === 0) return arm();
            const error = stalled();
            stop();
            controller.error(error);
            void reader.cancel(error).catch(() => {});
            for (const waiter of waiting) waiter.fail(error);
          }, readTimeoutMs);
        };
        entry = { rearm: arm };
        if (!owner) shared.add(entry);
        arm();
      },
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            stop();
            controller.close();
            return;
          }
          entry?.rearm();
          controller.enqueue(value);
        } catch (error) {
          stop();
          // Already errored when the timeout cancelled the read.
          try {
            controller.error(error);
          } catch {}
        }
      },
      cancel(reason) {
        stop();
        return reader.cancel(reason);
      },
    });
  }

  return {
    fetch: (async (input, init) => {
      const response = await fetchFn(input, init);
      if (!response.body || !/^text\/event-stream\b/i.test(response.headers.get("content-type") ?? "")) return response;
      const owner = requests.getStore();
      if (!owner && !sharedAnswers) return response;
      const wrapped = new Response(watched(response.body, owner), { status: response.status, statusText: response.statusText, headers: response.headers });
      Object.defineProperty(wrapped, "url", { value: response.url });
      return wrapped;
    }) as typeof fetch,

    async watch(run) {
      const stop = new AbortController();
      let waiter!: Waiter;
      const failed = new Promise<never>((_, reject) => {
        waiter = {
          fail(error) {
            // Aborting cancels the request on the wire too (notifications/cancelled, or the request's stream ended).
            stop.abort(error);
            reject(error);
          },
        };
      });
      failed.catch(() => {});
      pending.add(waiter);
      // The shared stream's silence before this request does not count against it.
      for (const stream of shared) stream.rearm();
      try {
        return await Promise.race([requests.run(waiter, () => run(stop.signal)), failed]);
      } finally {
        pending.delete(waiter);
      }
    },
  };
}
