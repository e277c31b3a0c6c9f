// Builds one migrated template database per run (real PostgreSQL when DATABASE_URL is set).
import { randomBytes } from "node:crypto";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { databaseUrl, withAdmin } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string | null;
    runId: string;
  }
}

export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL || null;
  const runId = randomBytes(4).toString("hex");
  project.provide("adminDatabaseUrl", base);
  project.provide("runId", runId);
  if (!base) return;
  const template = `sy_tpl_${runId}`;
  await withAdmin(base, (sql) => sql.unsafe(`create database ${template}`));
  const client = postgres(databaseUrl(base, template), { max: 1, onnotice: () => {} });
  await migrate(drizzle(client), { migrationsFolder: path.resolve("drizzle") });
  await client.end();

  return async () => {
    await withAdmin(base, async (sql) => {
      const rows = await sql<{ datname: string }[]>`
        select datname from pg_database where datname like ${`sy_%${runId}%`}`;
      for (const { datname } of rows) await sql.unsafe(`drop database if exists ${datname} with (force)`);
    });
  };
}
