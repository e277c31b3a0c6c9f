// One benchmark cell: autocannon against a URL with a fixed JSON-RPC body, reduced to the figures we report.
import autocannon from "autocannon";

export interface Cell {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  requests: number;
}

export const mcpHeaders = {
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
  "mcp-protocol-version": "2025-06-18",
};

/** The same POST for every request of a cell or warm-up; a request with no answer in 10 s counts as a timeout. */
const mcpPost = (url: string, body: string) => ({ url, method: "POST" as const, body, headers: mcpHeaders, timeout: 10 });

export async function measure({ url, body, connections, seconds }: { url: string; body: string; connections: number; seconds: number }): Promise<Cell> {
  const result = await autocannon({ ...mcpPost(url, body), connections, duration: seconds });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    // Non-2xx answers, socket errors and timeouts all count: a benchmark that hides failures measures nothing.
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}

// Enough requests for V8 to have optimized the hot path: measured at c16, the bare route's CPU per request and our
// tools/call's stopped falling after about 5,000 (our first seconds cost twice the steady state). The time cap keeps
// a slow machine's run short; docs/performance.md has the figures.
const warmUpRequests = 5_000;
const warmUpMaxSeconds = 20;

/** Load until the server is warm (JIT, pools, caches), so that the cells measure steady state, not warm-up. */
export async function warmUp({ url, body }: { url: string; body: string }): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const run = autocannon({ ...mcpPost(url, body), connections: 16, amount: warmUpRequests }, (error) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    });
    const timer = setTimeout(() => run.stop(), warmUpMaxSeconds * 1000);
  });
}

/** One request whose answer must be a JSON-RPC result without isError, so a cell never measures a failure path. */
export async function checkAnswer(url: string, body: string): Promise<void> {
  const response = await fetch(url, { method: "POST", headers: mcpHeaders, body });
  const text = await response.text();
  const answer = JSON.parse(text.startsWith("event:") || text.startsWith("data:") ? text.replace(/^[\s\S]*?data: /, "") : text);
  if (!response.ok || answer.error || answer.result?.isError) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
}
