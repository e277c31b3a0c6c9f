// Prometheus metrics for /api/metrics. Counters and gauges live in this process only: each instance answers for
// itself, and Prometheus sums across instances (scrape every instance, not a load balancer in front of them).
import { Counter, Gauge, Histogram, Registry } from "prom-client";

function createMetrics() {
  const registry = new Registry();
  const metrics = {
    registry,
    publishedCalls: new Counter({
      name: "switchyard_published_calls_total",
      help: "Published tools/call requests answered by this instance, by outcome (ok, error, cancelled, unknown_tool).",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    publishedCallErrors: new Counter({
      name: "switchyard_published_call_errors_total",
      help: "Published tools/call requests that ended in an error (the app failed, or the request was refused).",
      registers: [registry],
    }),
    publishedCallsInFlight: new Gauge({
      name: "switchyard_published_calls_in_flight",
      help: "Published tools/call requests running on this instance now.",
      registers: [registry],
    }),
    publishedCallSeconds: new Histogram({
      name: "switchyard_published_call_duration_seconds",
      help: "How long published tools/call requests took, by outcome.",
      labelNames: ["outcome"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
    runs: new Counter({
      name: "switchyard_runs_total",
      help: "App runs (Debug & Preview, published calls, the API) finished on this instance, by final status.",
      labelNames: ["status"] as const,
      registers: [registry],
    }),
    runsInFlight: new Gauge({
      name: "switchyard_runs_in_flight",
      help: "App runs going on this instance now.",
      registers: [registry],
    }),
    kvErrors: new Counter({
      name: "switchyard_kv_errors_total",
      help: "KV store (Redis, Upstash) operations that failed on this instance, by driver and operation.",
      labelNames: ["driver", "operation"] as const,
      registers: [registry],
    }),
    // The gauges below are set when the route is scraped (refresh-gauges.ts), not as things happen.
    queueDepth: new Gauge({
      name: "switchyard_job_queue_depth",
      help: "Jobs waiting to run, per queue (shared by all instances on PostgreSQL).",
      labelNames: ["queue"] as const,
      registers: [registry],
    }),
    dbPoolMax: new Gauge({
      name: "switchyard_db_pool_max_connections",
      help: "Connections this instance's database pool opens at most (0 on the embedded database).",
      registers: [registry],
    }),
    dbConnections: new Gauge({
      name: "switchyard_db_connections",
      help: "Pool connections to the database from all instances, by state, as PostgreSQL's pg_stat_activity sees them.",
      labelNames: ["state"] as const,
      registers: [registry],
    }),
    scrapeErrors: new Counter({
      name: "switchyard_metrics_source_errors_total",
      help: "Scrapes where a source (database, job queue) could not be read; its gauges keep their last values.",
      labelNames: ["source"] as const,
      registers: [registry],
    }),
  };
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;

// On globalThis: the routes that count and the route that reports may be bundled apart, and must share one registry.
const holder = globalThis as typeof globalThis & { __switchyardMetrics?: Metrics };

export function getMetrics(): Metrics {
  holder.__switchyardMetrics ??= createMetrics();
  return holder.__switchyardMetrics;
}
