// A run marked "running" must be running somewhere. Each run holds a lease in the database that its process renews
// while it works; when the process dies (a crash, a deploy, kill -9), its leases lapse and any instance, at start-up
// and then every few seconds, marks those runs "interrupted". No registry of instances is needed.
import "server-only";
import { getDb, getDbDriver } from "@/server/db";
import { markInterruptedRuns, renewLeases } from "@/server/db/queries/conversations";
import { env } from "@/server/env";

export const leaseSeconds = env.RUN_LEASE_SECONDS;
// On globalThis: Next bundles instrumentation.ts (which starts the keeper) apart from the routes (which hold leases),
// so a module-level set would be two sets.
const globalHeld = globalThis as typeof globalThis & { __switchyardRunLeases?: Set<string> };
const held = (globalHeld.__switchyardRunLeases ??= new Set<string>());

/** Called when a run's answer is stored as "running"; `release` once its final state is stored. */
export function holdLease(messageId: string) {
  held.add(messageId);
  return { release: () => void held.delete(messageId) };
}

/** Marks dead runs interrupted. PGlite has one owning process, so at its start every running run is dead. */
export async function sweepInterruptedRuns({ atStart = false }: { atStart?: boolean } = {}) {
  const all = atStart && (await getDbDriver()) === "pglite";
  return markInterruptedRuns(await getDb(), { all });
}

/** Renews this process's leases three times per lease and sweeps lapsed ones; returns a stop function. */
export function startLeaseKeeper() {
  const timer = setInterval(() => {
    void keep().catch((error: unknown) => {
      // A database outage: leases lapse and are swept once it is back; the runs themselves fail or finish.
      console.warn("[agent:leases] could not renew or sweep run leases:", error instanceof Error ? error.message : error);
    });
  }, (leaseSeconds * 1000) / 3);
  timer.unref();
  return () => clearInterval(timer);
}

async function keep() {
  const db = await getDb();
  await renewLeases(db, { ids: [...held], leaseSeconds });
  const swept = await markInterruptedRuns(db);
  if (swept.messages > 0) console.info(`[agent:leases] marked ${swept.messages} runs of stopped processes as interrupted`);
}
