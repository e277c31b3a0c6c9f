// Runs once when a server process starts (not during `next build`, which must never open the database).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // First, before anything slow: requests are only tagged with their socket address from here on (see the file).
  const { installPeerAddressHook } = await import("@/server/client-address/peer-address-hook");
  installPeerAddressHook();
  // Before the rest, so their work is traced too; nothing is loaded unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
  const { startTracingFromEnv } = await import("@/server/observability/start-tracing");
  await startTracingFromEnv();
  const { capHeapGrowth } = await import("@/server/heap-growth");
  capHeapGrowth();
  const { startLeaseKeeper, sweepInterruptedRuns } = await import("@/server/agent/run-leases");
  try {
    const swept = await sweepInterruptedRuns({ atStart: true });
    if (swept.messages > 0) console.info(`[agent:leases] marked ${swept.messages} unfinished runs as interrupted`);
  } catch (error) {
    // The database may be down at boot; health reports that, and the lease keeper sweeps once it is back.
    console.error("[agent:leases] could not check for interrupted runs:", error instanceof Error ? error.message : error);
  }
  startLeaseKeeper();
  // Task workers (docs/mcp-endpoint.md, "Tasks"): any instance takes queued and orphaned task runs, so each starts
  // its worker at boot, not only once it is asked for a task.
  const { startTaskWorker } = await import("@/server/mcp/server/tasks/task-worker");
  startTaskWorker().catch((error: unknown) => {
    // The database may be down at boot; the first task request starts the worker again.
    console.error("[mcp_server:tasks] could not start the task worker:", error instanceof Error ? error.message : error);
  });
  // Workflow runs (docs/workflows.md, "Engine"): as tasks, any instance resumes a run whose process died.
  const { startWorkflowWorker } = await import("@/server/workflows/workflow-worker");
  startWorkflowWorker().catch((error: unknown) => {
    console.error("[workflows] could not start the workflow worker:", error instanceof Error ? error.message : error);
  });
  const { startAuthorizationServerCleanup } = await import("@/server/authorization-server/cleanup");
  startAuthorizationServerCleanup().catch((error: unknown) => {
    console.error("[oauth_server:cleanup] could not schedule the cleanup:", error instanceof Error ? error.message : error);
  });
  const { startRetentionJob } = await import("@/server/retention/retention-job");
  startRetentionJob().catch((error: unknown) => {
    console.error("[retention] could not schedule the retention job:", error instanceof Error ? error.message : error);
  });
  const { closeJobQueue } = await import("@/server/jobs");
  const { stopTracing } = await import("@/server/observability/start-tracing");
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    // Next closes the server and exits on these; meanwhile running jobs get a few seconds, then go back to the queue.
    process.once(signal, () => void closeJobQueue({ timeoutMs: 5_000 }).catch(() => {}));
    // The last spans go out before the process ends (Next exits once its server closed).
    process.once(signal, () => void stopTracing().catch(() => {}));
  }
}
