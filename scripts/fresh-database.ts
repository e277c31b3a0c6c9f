// A throwaway database for a script's run: a new PostgreSQL database when DATABASE_URL is set, else a new PGlite
// folder. Returns the environment that points the app at it, and a drop() for the end of the run.
import { spawnSync } from "node:child_process";
import path from "node:path";
import postgres from "postgres";

export async function freshDatabase(name: string, dataDir: string): Promise<{ env: Record<string, string>; drop(): void }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { env: { PGLITE_DIR: path.join(dataDir, "pglite") }, drop() {} };
  const sql = postgres(base, { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database ${name}`);
  await sql.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => void spawnSync("psql", [base, "-qc", `drop database if exists ${name} with (force)`], { stdio: "ignore" }),
  };
}
