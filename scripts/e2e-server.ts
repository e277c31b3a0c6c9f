// Starts the app for the end-to-end suite: a fresh database (a new PostgreSQL database, or a new PGlite folder),
// a production build, and `next start` on E2E_PORT.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshDatabase } from "./fresh-database";

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

const database = await freshDatabase(`sy_e2e_${runId}`, env.DATA_DIR!);
Object.assign(env, database.env);
process.on("exit", database.drop);
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
