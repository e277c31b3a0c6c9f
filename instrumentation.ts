// Runs once when a server process starts (not during `next build`, which must never open the database).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // First, before anything slow: requests are only tagged with their socket address from here on (see the file).
  const { installPeerAddressHook } = await import("@/server/client-address/peer-address-hook");
  installPeerAddressHook();
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
}
