// Starts the app for the end-to-end suite: a fresh database (a new PostgreSQL database, or a new PGlite folder),
// a production build, and `next start` on E2E_PORT.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeE2eTls } from "./e2e-tls";
import { freshDatabase } from "./fresh-database";

const port = process.env.E2E_PORT ?? "3210";
const runId = randomBytes(4).toString("hex");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  APP_URL: `http://localhost:${port}`,
  // The scale-out specs open the console on the second instance too (its own origin, as a second public name).
  TRUSTED_ORIGINS: `http://localhost:${Number(port) + 1}`,
  KV_PREFIX: `sy-e2e:${runId}:`,
  DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "sy-e2e-")),
  MCP_ALLOW_PRIVATE_NETWORK: "true",
  // Every spec signs its users up from the one browser on one address; the default (10 an hour) is for people.
  SIGN_UP_MAX_PER_ADDRESS: "1000",
  // Likewise every OAuth spec's clients register (RFC 7591) from that one address.
  OAUTH_REGISTRATIONS_PER_HOUR: "1000",
};

// The specs' https peers (a client ID metadata document) use this certificate; the app must trust it to fetch them.
env.NODE_EXTRA_CA_CERTS = (await writeE2eTls(port)).cert;
const database = await freshDatabase(`sy_e2e_${runId}`, env.DATA_DIR!);
Object.assign(env, database.env);
process.on("exit", database.drop);
if (process.env.E2E_SKIP_BUILD !== "1") {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// next directly, not through npx: a signal to this script then reaches the server itself, not a wrapper.
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const start = (p: string) => spawn(process.execPath, [nextBin, "start", "-p", p], { stdio: "inherit", env });
const servers = [start(port)];
// With PostgreSQL and Redis, a second instance on the next port shares both, for the scale-out tests (PGlite and
// the in-process KV belong to one process, so there is no second instance without them).
if (process.env.DATABASE_URL && (process.env.REDIS_URL || process.env.UPSTASH_REDIS_REST_URL)) {
  // Same APP_URL as the first, as behind a load balancer: links and OAuth redirects point at the public address.
  servers.push(start(String(Number(port) + 1)));
}
const stopAll = () => servers.forEach((server) => server.kill("SIGTERM"));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(0);
  });
}
process.on("exit", stopAll);
for (const server of servers) server.on("exit", (code) => process.exit(code ?? 0));
