// The scale database: a database of its own next to DATABASE_URL's (switchyard_scale by default), so millions of rows
// never slow the other tests or the app's own database. Real PostgreSQL only: the embedded one is refused.
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

export function scaleDatabaseUrl(): string {
  const base = process.env.DATABASE_URL;
  if (!base) {
    throw new Error(
      "DATABASE_URL is not set. The scale seed and its benchmark need a real PostgreSQL server (the embedded database " +
        "cannot hold millions of rows usefully); set DATABASE_URL=postgres://… and run again.",
    );
  }
  const url = new URL(base);
  url.pathname = `/${process.env.SCALE_DATABASE || "switchyard_scale"}`;
  return url.toString();
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`SCALE_DATABASE must be a plain lower-case name, not "${name}".`);
  return name;
}

/** Creates the database when missing (dropping it first with `fresh`) and applies the migrations. */
export async function prepareScaleDatabase(url: string, { fresh }: { fresh: boolean }): Promise<void> {
  const name = databaseName(url);
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    if (fresh) await admin.unsafe(`drop database if exists ${name} with (force)`);
    const [found] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!found) await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(client), { migrationsFolder: path.resolve("drizzle") });
  } finally {
    await client.end();
  }
}
