// The gauges read at scrape time: queue depth and database connections. Each source is read with a short deadline
// and on its own, so a slow database leaves the counters' answer intact (its gauges keep their last values).
import "server-only";
import { sql } from "drizzle-orm";
import { getDb, getDbDriver, postgresPoolMax } from "@/server/db";
import { getJobQueue } from "@/server/jobs";
import type { Metrics } from "./metrics";

const deadlineMs = 2_000;

function withDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), deadlineMs);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

async function refreshQueueDepth(metrics: Metrics) {
  const depth = await getJobQueue().depth();
  metrics.queueDepth.reset();
  for (const [queue, count] of Object.entries(depth)) metrics.queueDepth.set({ queue }, count);
}

async function refreshDatabase(metrics: Metrics) {
  if ((await getDbDriver()) !== "postgres") {
    metrics.dbPoolMax.set(0);
    return;
  }
  metrics.dbPoolMax.set(postgresPoolMax);
  const db = await getDb();
  // postgres.js names its connections "postgres.js"; pg-boss's own pool is left out.
  const rows = (await db.execute(sql`
    select coalesce(state, 'unknown') as state, count(*)::int as count from pg_stat_activity
    where datname = current_database() and application_name = 'postgres.js' group by 1`)) as unknown as Array<{ state: string; count: number }>;
  metrics.dbConnections.reset();
  for (const row of rows) metrics.dbConnections.set({ state: row.state }, Number(row.count));
}

export async function refreshGauges(metrics: Metrics): Promise<void> {
  const sources = { job_queue: refreshQueueDepth, database: refreshDatabase };
  await Promise.all(
    Object.entries(sources).map(([source, refresh]) =>
      withDeadline(refresh(metrics)).catch((error: unknown) => {
        metrics.scrapeErrors.inc({ source });
        console.warn(`[metrics:${source}] could not read it:`, error instanceof Error ? error.message : error);
      }),
    ),
  );
}
