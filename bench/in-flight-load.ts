// One in-flight cell: `inFlight` clients each calling tools/call in a loop against a model that answers in
// `modelMs`, started staggered over one model time so calls end evenly, then measured over a window of steady state.
import { mcpHeaders } from "./load";
import type { Watched } from "./processes";
import { treeCpuSeconds } from "./processes";

export interface InFlightCell {
  inFlight: number;
  callsPerSecond: number;
  /** calls/s over the ideal: every client's call ending after exactly the model's time. */
  ofIdeal: number;
  overheadP50Ms: number;
  overheadP99Ms: number;
  errors: number;
  calls: number;
  peakRssMb: number;
  rssPerCallKb: number;
  /** The server's process tree, % of one core over the window. */
  serverCpuPercent: number;
  /** This process (load generator and scripted model), % of one core over the window. */
  loadCpuPercent: number;
  /** What the failed calls got, counted by kind (HTTP status, JSON-RPC error, tool error text, thrown error). */
  errorKinds: Record<string, number>;
}

const body = (tool: string, id: number) => JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name: tool, arguments: { query: "hi" } } });

/** Null for a JSON-RPC result that is not a tool error (the endpoint answers JSON or one SSE event); else its kind. */
function failure(status: number, text: string): string | null {
  const json = text.startsWith("event:") || text.startsWith("data:") ? text.replace(/^[\s\S]*?data: /, "") : text;
  try {
    const answer = JSON.parse(json) as { result?: { isError?: boolean; content?: Array<{ text?: string }> }; error?: { message?: string } };
    if (answer.result && !answer.result.isError && status < 400) return null;
    if (answer.error) return `HTTP ${status} JSON-RPC error: ${String(answer.error.message).slice(0, 80)}`;
    return `HTTP ${status} isError: ${String(answer.result?.content?.[0]?.text).slice(0, 80)}`;
  } catch {
    return `HTTP ${status}: ${text.slice(0, 60)}`;
  }
}

export async function runInFlightCell(opts: { url: string; tool: string; inFlight: number; modelMs: number; windowMs: number; server: Watched; idleRssMb: number }): Promise<InFlightCell> {
  const { inFlight, modelMs, windowMs } = opts;
  const rampMs = modelMs;
  const started = performance.now();
  const windowStart = started + rampMs + modelMs;
  const windowEnd = windowStart + windowMs;
  const latencies: number[] = [];
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  let stop = false;
  let cpuAtStart = { server: 0, load: process.cpuUsage() };

  async function client(index: number) {
    await new Promise((resolve) => setTimeout(resolve, (index / inFlight) * rampMs));
    for (let id = 1; !stop; id += 1) {
      const sent = performance.now();
      let kind: string | null;
      try {
        const response = await fetch(opts.url, { method: "POST", headers: mcpHeaders, body: body(opts.tool, id), signal: AbortSignal.timeout(modelMs + 60_000) });
        kind = failure(response.status, await response.text());
      } catch (error) {
        kind = `thrown: ${error instanceof Error ? `${error.name} ${error.message} ${String((error.cause as Error | undefined)?.message ?? "")}` : String(error)}`.slice(0, 120);
      }
      const ended = performance.now();
      if (kind) {
        errors += 1;
        errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
        // A failing server answers at once; keep the loop from spinning.
        await new Promise((resolve) => setTimeout(resolve, 100));
      } else if (ended >= windowStart && ended < windowEnd) latencies.push(ended - sent);
    }
  }

  opts.server.resetPeak();
  const clients = Array.from({ length: inFlight }, (_, index) => client(index));
  await new Promise((resolve) => setTimeout(resolve, windowStart - performance.now()));
  cpuAtStart = { server: treeCpuSeconds(opts.server.child.pid!), load: process.cpuUsage() };
  await new Promise((resolve) => setTimeout(resolve, windowEnd - performance.now()));
  const serverCpu = treeCpuSeconds(opts.server.child.pid!) - cpuAtStart.server;
  const loadCpu = process.cpuUsage(cpuAtStart.load);
  stop = true;
  await Promise.all(clients);

  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);
  const callsPerSecond = sorted.length / (windowMs / 1000);
  const peakRssMb = opts.server.peakRssMb();
  return {
    inFlight,
    callsPerSecond: round(callsPerSecond),
    ofIdeal: round(callsPerSecond / (inFlight / (modelMs / 1000)), 100),
    overheadP50Ms: Math.round(at(0.5) - modelMs),
    overheadP99Ms: Math.round(at(0.99) - modelMs),
    errors,
    errorKinds,
    calls: sorted.length,
    peakRssMb,
    rssPerCallKb: Math.round(((peakRssMb - opts.idleRssMb) * 1024) / inFlight),
    serverCpuPercent: Math.round((serverCpu / (windowMs / 1000)) * 100),
    loadCpuPercent: Math.round(((loadCpu.user + loadCpu.system) / 1e6 / (windowMs / 1000)) * 100),
  };
}

const round = (value: number, by = 10) => Math.round(value * by) / by;
