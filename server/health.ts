import "server-only";
import { getDbDriver, pingDb } from "@/server/db";
import { getKv } from "@/server/kv";

const timeoutMs = 3000;

export async function checkHealth() {
  const [database, kv] = await Promise.all([checkDatabase(), checkKv()]);
  return { status: database.ok && kv.ok ? ("ok" as const) : ("degraded" as const), database, kv };
}

async function checkDatabase() {
  try {
    await withTimeout(pingDb());
    return { ok: true, driver: await getDbDriver() };
  } catch {
    return { ok: false, error: "The database did not answer." };
  }
}

async function checkKv() {
  const kv = getKv();
  const note = kv.shared ? undefined : "In-process KV store: fine for one instance, not for several behind a load balancer.";
  try {
    await withTimeout(kv.ping());
    return { ok: true, driver: kv.driver, shared: kv.shared, note };
  } catch {
    return { ok: false, driver: kv.driver, error: "The KV store did not answer." };
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref()),
  ]);
}
