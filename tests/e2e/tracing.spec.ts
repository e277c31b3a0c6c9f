// Traces from a real `next start`: with OTEL_EXPORTER_OTLP_ENDPOINT pointing at an OTLP/HTTP receiver started here,
// a console API request (tRPC with an API key) and a route handler arrive as Next.js's own server spans, under the
// configured service name; the integration tests cover runs and published calls on the same provider.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freshDatabase } from "../../scripts/fresh-database";
import { startOtlpReceiver, type OtlpReceiver } from "../support/otlp-receiver";

const port = Number(process.env.E2E_PORT ?? 3210) + 20;
const base = `http://127.0.0.1:${port}`;
const runId = randomBytes(4).toString("hex");
let receiver: OtlpReceiver;
let env: NodeJS.ProcessEnv;
let dropDatabase = () => {};
let server: ChildProcess | null = null;

test.beforeAll(async () => {
  receiver = await startOtlpReceiver();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "sy-tracing-"));
  const database = await freshDatabase(`sy_tracing_${runId}`, dataDir);
  dropDatabase = database.drop;
  env = {
    ...process.env,
    ...database.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    APP_URL: base,
    DATA_DIR: dataDir,
    KV_PREFIX: `sy-tracing:${runId}:`,
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_SERVICE_NAME: `switchyard-e2e-${runId}`,
  };
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: "inherit", detached: true });
  await expect.poll(() => fetch(`${base}/api/health`).then((r) => r.status, () => 0), { timeout: 30_000 }).toBe(200);
});
test.afterAll(async () => {
  if (server) {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await receiver?.close();
  dropDatabase();
});

function admin(...args: string[]) {
  const run = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/admin.ts", ...args], { env, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

test("console requests reach the collector as Next.js server spans under the configured service name", async () => {
  test.setTimeout(90_000);
  admin("user:create", "--email", "tracing@example.com", "--password", "correct horse battery", "--workspace", "Tracing");
  const { key } = admin("apikey:create", "--email", "tracing@example.com", "--workspace", "Tracing", "--role", "owner");
  const response = await fetch(`${base}/api/trpc/apps.list`, { headers: { authorization: `Bearer ${key}` } });
  expect(response.status).toBe(200);
  expect((await fetch(`${base}/api/health`)).status).toBe(200);

  // The batch processor sends within a few seconds; Next names a request's root span after its method and route.
  const mine = () => receiver.spans.filter((span) => span.service === env.OTEL_SERVICE_NAME);
  await expect.poll(() => mine().map((span) => span.name), { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/^GET \/api\/trpc/)]));
  await expect.poll(() => mine().map((span) => span.name), { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/^GET \/api\/health/)]));
  const trpc = mine().find((span) => /^GET \/api\/trpc/.test(span.name))!;
  // A server span (kind 2) with Next's own attributes, and the work under it in the same trace.
  expect(trpc.kind).toBe(2);
  expect(trpc.attributes["next.span_type"]).toBeDefined();
  expect(mine().filter((span) => span.traceId === trpc.traceId).length).toBeGreaterThan(1);
  expect(receiver.requests.every((r) => r.path === "/v1/traces")).toBe(true);
});
