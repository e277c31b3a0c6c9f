// Starts the app for the end-to-end suite: a fresh database (a new PostgreSQL database, or a new PGlite folder),
// a production build, and `next start` on E2E_PORT.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const port = process.env.E2E_PORT ?? "3210";
const runId = randomBytes(4).toString("hex");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  APP_URL: `http://localhost:${port}`,
  KV_PREFIX: `sy-e2e:${runId}:`,
  DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "sy-e2e-")),
  MCP_ALLOW_PRIVATE_NETWORK: "true",
};

async function freshDatabase() {
  const base = process.env.DATABASE_URL;
  if (!base) {
    env.PGLITE_DIR = path.join(env.DATA_DIR!, "pglite");
    return;
  }
  const name = `sy_e2e_${runId}`;
  const sql = postgres(base, { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database ${name}`);
  await sql.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  process.on("exit", () => {
    spawnSync("psql", [base, "-qc", `drop database if exists ${name} with (force)`], { stdio: "ignore" });
  });
}

await freshDatabase();
if (process.env.E2E_SKIP_BUILD !== "1") {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.kill(signal);
    process.exit(0);
  });
}
server.on("exit", (code) => process.exit(code ?? 0));
