// `npm run soak`: 200 concurrent MCP clients against two instances sharing PostgreSQL and Redis for 60 seconds,
// doing tools/list and tools/call. Reports errors, calls logged versus made, and memory and open sockets of each
// instance before and after. Loopback only; not part of `npm test`.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, readlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import postgres from "postgres";
import { freshDatabase } from "../scripts/fresh-database";
import { startScriptedLlm } from "../tests/support/scripted-llm";
import { startWatched, stopAll, waitForOutput, type Watched } from "./processes";
import { seedAccount, seedPublishedApp } from "./seed";

const clients = Number(process.env.SOAK_CLIENTS ?? 200);
const seconds = Number(process.env.SOAK_SECONDS ?? 60);
const ports = [3291, 3292];

if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
  console.error("npm run soak needs DATABASE_URL and REDIS_URL: two instances must share PostgreSQL and Redis.");
  process.exit(2);
}

const runId = randomBytes(4).toString("hex");
const dataDir = mkdtempSync(path.join(os.tmpdir(), "sy-soak-"));
const database = await freshDatabase(`sy_soak_${runId}`, dataDir);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...database.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  APP_URL: `http://127.0.0.1:${ports[0]}`,
  DATA_DIR: dataDir,
  KV_PREFIX: `sy-soak:${runId}:`,
  MCP_ALLOW_PRIVATE_NETWORK: "true",
  MCP_SERVER_RATE_LIMIT_PER_MINUTE: "100000000",
  BENCH_ROUTES: "1",
  AUTH_SECRET: randomBytes(32).toString("hex"),
  ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64url")}`,
};

const startInstance = (port: number) =>
  // --expose-gc: the memory route collects before it measures, so growth means something is kept.
  startWatched(process.execPath, ["--expose-gc", path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], env);

/** Heap after a full collection, resident memory (MB) and open sockets of one instance's server process. */
async function snapshot(w: Watched, port: number) {
  const heap = (await (await fetch(`http://127.0.0.1:${port}/bench/memory`)).json()) as { collected: boolean; heapUsedMb: number };
  if (!heap.collected) throw new Error("the memory route could not collect garbage: is --expose-gc passed?");
  const rssMb = Math.round(Number(/VmRSS:\s+(\d+)/.exec(readSafe(`/proc/${w.child.pid}/status`))?.[1] ?? 0) / 1024);
  const fds = readdirSafe(`/proc/${w.child.pid}/fd`).filter((fd) => readlinkSafe(`/proc/${w.child.pid}/fd/${fd}`).startsWith("socket:")).length;
  return { heapUsedMb: heap.heapUsedMb, rssMb, peakRssMb: w.peakRssMb(), sockets: fds };
}
const snapshotAll = (instances: Watched[]) => Promise.all(instances.map((w, i) => snapshot(w, ports[i]!)));

async function client(url: string) {
  const c = new Client({ name: "soak", version: "1.0.0" });
  await c.connect(new StreamableHTTPClientTransport(new URL(url)));
  return c;
}

async function main() {
  if (process.env.SOAK_SKIP_BUILD !== "1") {
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: ["ignore", "ignore", "inherit"], env });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const llm = await startScriptedLlm({ fallback: { text: "ok" }, keepRequests: false });
  const account = seedAccount(env);
  const instances = ports.map(startInstance);
  await Promise.all(instances.map((w) => waitForOutput(w.child, /Ready in/)));
  const seeded = await seedPublishedApp({ baseUrl: `http://127.0.0.1:${ports[0]}`, llmUrl: llm.url, account });
  const urls = ports.map((port) => seeded.url.replace(/:\d+\//, `:${port}/`));

  const warm = await Promise.all(urls.map(client));
  await Promise.all(warm.map((c) => c.listTools()));
  const before = await snapshotAll(instances);

  // Two equal halves: what the instances hold after the second, compared with after the first, is the growth.
  const totals = { requests: 0, toolCalls: 0, errors: [] as string[] };
  const settled: Array<Awaited<ReturnType<typeof snapshotAll>>> = [];
  for (let phase = 0; phase < 2; phase++) {
    instances.forEach((w) => w.resetPeak());
    await runPhase(urls, seeded.toolName, (seconds * 1000) / 2, totals);
    await new Promise((resolve) => setTimeout(resolve, 5_000)); // idle sockets close, call logs are written
    settled.push(await snapshotAll(instances));
  }
  const sql = postgres(database.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const [{ count }] = await sql`select count(*)::int as count from mcp_call_logs where method = 'tools/call'`;
  await sql.end();
  await Promise.all(warm.map((c) => c.close()));
  await llm.close();

  const report = {
    clients,
    seconds,
    requests: totals.requests,
    toolCalls: totals.toolCalls,
    errors: totals.errors.length,
    toolCallsLogged: count,
    instances: ports.map((port, i) => ({
      port,
      before: before[i],
      afterFirstHalf: settled[0]![i],
      afterSecondHalf: settled[1]![i],
      // Under the same load, a heap that keeps what it should not grows from one half to the next.
      heapGrowthSecondHalfMb: Math.round((settled[1]![i]!.heapUsedMb - settled[0]![i]!.heapUsedMb) * 10) / 10,
    })),
  };
  console.log(JSON.stringify(report, null, 2));
  if (totals.errors.length) console.log("first errors:", totals.errors.slice(0, 5));
  return totals.errors.length === 0 && count === totals.toolCalls;
}

async function runPhase(urls: string[], toolName: string, ms: number, totals: { requests: number; toolCalls: number; errors: string[] }) {
  const deadline = Date.now() + ms;
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const c = await client(urls[i % urls.length]!);
      for (let n = 0; Date.now() < deadline; n++) {
        try {
          totals.requests++;
          if (n % 2 === 0) await c.listTools();
          else {
            totals.toolCalls++;
            const result = await c.callTool({ name: toolName, arguments: { query: `soak ${i}/${n}` } });
            if (result.isError) throw new Error(JSON.stringify(result.content));
          }
        } catch (error) {
          totals.errors.push(String(error).slice(0, 200));
        }
      }
      await c.close();
    }),
  );
}

const readSafe = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
};
const readdirSafe = (dir: string) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};
const readlinkSafe = (file: string) => {
  try {
    return readlinkSync(file);
  } catch {
    return "";
  }
};

let ok = false;
try {
  ok = await main();
} finally {
  await stopAll();
  database.drop();
}
process.exit(ok ? 0 : 1);
