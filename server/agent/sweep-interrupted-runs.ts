// At start-up, runs still "running" that no process can be working on any more become "interrupted", so the logs
// never show a run spinning forever after a crash or a deploy.
import "server-only";
import { getDb, getDbDriver } from "@/server/db";
import { markInterruptedRuns } from "@/server/db/queries/conversations";
import { runLimits } from "./run-limits";

export async function sweepInterruptedRuns() {
  // PGlite has exactly one owning process: every run it shows as running died with the previous one. With
  // PostgreSQL other instances may be mid-run, so only runs older than any run can live are certainly dead.
  const embedded = (await getDbDriver()) === "pglite";
  const startedBefore = new Date(Date.now() - (embedded ? 0 : runLimits.maxRunMs));
  return markInterruptedRuns(await getDb(), { startedBefore });
}
