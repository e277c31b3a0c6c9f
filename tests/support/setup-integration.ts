// Each integration test file gets its own database (a copy of the run's template, or an in-memory PGlite)
// and its own KV prefix, so files never see each other's data.
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { databaseUrl, withAdmin } from "./test-database";

const fileId = randomBytes(4).toString("hex");
const base = inject("adminDatabaseUrl");
const runId = inject("runId");
const dbName = `sy_t_${runId}_${fileId}`;

process.env.KV_PREFIX = `sy-test:${fileId}:`;
process.env.DATA_DIR = ".data/test";
// Test peers run on 127.0.0.1; the SSRF tests set this explicitly where they need it refused.
process.env.MCP_ALLOW_PRIVATE_NETWORK = "true";
process.env.APP_URL ??= "http://localhost:3000";

if (base) {
  await withAdmin(base, (sql) => sql.unsafe(`create database ${dbName} template sy_tpl_${runId}`));
  process.env.DATABASE_URL = databaseUrl(base, dbName);
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
}

afterAll(async () => {
  const { closeDb } = await import("@/server/db");
  const { closeKv } = await import("@/server/kv");
  const { closeJobQueue } = await import("@/server/jobs");
  // Before the database goes: pg-boss workers would otherwise poll a dropped database.
  await closeJobQueue({ timeoutMs: 1_000 });
  await closeDb();
  await closeKv();
  if (base) await withAdmin(base, (sql) => sql.unsafe(`drop database if exists ${dbName} with (force)`));
});
