// The one place that knows which database driver runs: postgres.js when DATABASE_URL is set, embedded PGlite otherwise.
import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/server/env";
import { failFastSocket, reconnectBackoff } from "./fail-fast-socket";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: queries accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

const migrationsFolder = path.join(process.cwd(), "drizzle");
const drizzleOptions = { schema, casing: "snake_case" as const };

interface Handle {
  db: Db;
  driver: "postgres" | "pglite";
  close: () => Promise<void>;
}

// fetch_types off: postgres.js runs a pg_type query on each new connection and drops its promise. A connection that
// breaks during that query, with the database then away, raises an unhandled rejection (which ends a Node process)
// and left the pool's later queries hanging (porsager/postgres#1192, #1223). That query only adds array parsers,
// and the schema has no array column; one would need it back.
const clientOptions = { onnotice: () => {}, fetch_types: false };

/** Connections each instance's postgres.js pool opens at most (the metrics route reports it). */
export const postgresPoolMax = 10;

// Kept on globalThis so Next's dev reloads reuse one connection (PGlite allows one owner per folder).
const holder = globalThis as unknown as { __switchyardDb?: Promise<Handle> };

async function openPostgres(url: string): Promise<Handle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  // One host per URL (the custom socket connects to the first); a multi-host URL keeps postgres.js's own sockets.
  const failFast = new URL(url).host.includes(",") ? {} : { socket: failFastSocket, backoff: reconnectBackoff };
  const client = postgres(url, { ...clientOptions, max: postgresPoolMax, connect_timeout: 5, idle_timeout: 30, ...failFast });
  const db = drizzle(client, drizzleOptions);
  // Several instances may start at once: an advisory lock lets exactly one apply migrations.
  // One connection (max: 1), so the session-level lock covers the migrator's own transaction.
  const migrator = postgres(url, { ...clientOptions, max: 1 });
  try {
    await migrator`select pg_advisory_lock(727274)`;
    await migrate(drizzle(migrator, drizzleOptions), { migrationsFolder });
  } finally {
    await migrator.end();
  }
  return { db: db as unknown as Db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
}

async function openPglite(): Promise<Handle> {
  const { PGlite } = await import("@electric-sql/pglite");
  // Migration 0017 creates pg_trgm for the search indexes; PGlite has it only when its module is loaded.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = env.PGLITE_DIR ?? path.join(env.DATA_DIR, "pglite");
  let client;
  if (dir.startsWith("memory://")) {
    client = new PGlite(dir, { extensions: { pg_trgm } });
  } else {
    const folder = path.resolve(/*turbopackIgnore: true*/ dir);
    // PGlite creates only the last folder itself; a fresh checkout has no .data yet.
    mkdirSync(path.dirname(folder), { recursive: true });
    client = new PGlite(folder, { extensions: { pg_trgm } });
  }
  const db = drizzle(client, drizzleOptions);
  await migrate(db, { migrationsFolder });
  return { db: db as unknown as Db, driver: "pglite", close: () => client.close() };
}

function open(): Promise<Handle> {
  holder.__switchyardDb ??= (env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite()).catch((error) => {
    holder.__switchyardDb = undefined;
    throw error;
  });
  return holder.__switchyardDb;
}

/** The database, opened and migrated on first use (never at import time, so `next build` never touches it). */
export async function getDb(): Promise<Db> {
  return (await open()).db;
}

export async function getDbDriver(): Promise<Handle["driver"]> {
  return (await open()).driver;
}

/** Opens the database and applies pending migrations; used by `npm run admin -- migrate`. */
export async function migrateDb(): Promise<{ driver: Handle["driver"] }> {
  return { driver: (await open()).driver };
}

export async function pingDb(): Promise<void> {
  const db = await getDb();
  await db.execute(sql`select 1`);
}

export async function closeDb(): Promise<void> {
  const handle = holder.__switchyardDb;
  holder.__switchyardDb = undefined;
  if (handle) await (await handle).close();
}
