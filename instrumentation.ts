// Runs once when a server process starts (not during `next build`, which must never open the database).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { sweepInterruptedRuns } = await import("@/server/agent/sweep-interrupted-runs");
  try {
    const swept = await sweepInterruptedRuns();
    if (swept.messages > 0) console.info(`[agent:sweep] marked ${swept.messages} unfinished runs as interrupted`);
  } catch (error) {
    // The database may be down at boot; health reports that, and the next start sweeps again.
    console.error("[agent:sweep] could not check for interrupted runs:", error instanceof Error ? error.message : error);
  }
}
