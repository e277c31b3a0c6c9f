// `npm run bench`: builds for production, then measures raw node:http, a bare Next.js route, a per-request SDK
// server ("naive") and our published-app endpoint side by side, then the in-flight section (in-flight.ts) with slow
// models, and writes bench/results.json.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startScriptedLlm } from "../tests/support/scripted-llm";
import { freshDatabase } from "../scripts/fresh-database";
import { previewOverheadMs } from "./first-token";
import { inFlightSettings, previewModelTurn, runInFlightSection } from "./in-flight";
import { checkAnswer, measure, mcpHeaders, warmUp, type Cell } from "./load";
import { startWatched, stopAll, waitForOutput, type Watched } from "./processes";
import { printTable, type Results, type Target } from "./report";
import { seedAccount, seedPublishedApp } from "./seed";

const seconds = Number(process.env.BENCH_SECONDS ?? 4);
/**
 * BENCH_ONLY=ours skips the baselines, BENCH_ONLY=inflight runs only the in-flight section (targets and the section
 * combine: BENCH_ONLY=ours,inflight); BENCH_CPU_PROF=<dir> writes a CPU profile of our server there.
 */
const only = process.env.BENCH_ONLY?.split(",");
const runs = (target: Target | "inflight") => !only || only.includes(target);
const concurrencies = [1, 16, 64];
const port = Number(process.env.BENCH_PORT ?? 3290);
const baseUrl = `http://127.0.0.1:${port}`;
const runId = randomBytes(4).toString("hex");
const dataDir = mkdtempSync(path.join(os.tmpdir(), "sy-bench-"));
const database = await freshDatabase(`sy_bench_${runId}`, dataDir);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...database.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  APP_URL: baseUrl,
  DATA_DIR: dataDir,
  KV_PREFIX: `sy-bench:${runId}:`,
  MCP_ALLOW_PRIVATE_NETWORK: "true",
  BENCH_ROUTES: "1",
  // The benchmark measures overhead, not abuse limits.
  MCP_SERVER_RATE_LIMIT_PER_MINUTE: "100000000",
  // Debug & Preview in flight starts about 20 chats a second, for minutes, with the one bench API key.
  API_KEY_RATE_LIMIT_PER_MINUTE: "100000000",
};
const storage = `${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite (embedded)"} + ${process.env.REDIS_URL ? "Redis" : process.env.UPSTASH_REDIS_REST_URL ? "Upstash" : "in-memory KV"}`;

const listBody = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" });
const callBody = (tool: string) => JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: tool, arguments: { query: "hi" } } });

async function cells(url: string, tool: string): Promise<Record<string, Record<number, Cell>>> {
  const out: Record<string, Record<number, Cell>> = {};
  for (const [method, body] of [["tools/list", listBody], ["tools/call", callBody(tool)]] as const) {
    await checkAnswer(url, body);
    await warmUp({ url, body });
    out[method] = {};
    for (const connections of concurrencies) {
      out[method][connections] = await measure({ url, body, connections, seconds });
      console.error(`  ${method} c=${connections}: ${out[method][connections].rps} req/s`);
    }
  }
  return out;
}

function startNext(extraNodeOptions: string[] = []): Watched {
  const nodeArgs = [...extraNodeOptions, path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"];
  return startWatched(process.execPath, nodeArgs, env);
}

async function ready(watched: Watched) {
  await waitForOutput(watched.child, /Ready in/);
}

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: ["ignore", "ignore", "inherit"], env });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const llm = await startScriptedLlm({ fallback: { text: "ok" }, keepRequests: false });
  const results = {} as Results;
  const peakRss = {} as Record<Target, number>;

  if (runs("raw")) {
    console.error("raw node:http");
    const raw = startWatched(process.execPath, ["--import", "tsx", "bench/raw-server.ts"], env);
    const rawPort = (await waitForOutput(raw.child, /PORT=(\d+)/))[1];
    results.raw = await cells(`http://127.0.0.1:${rawPort}/`, "echo");
    peakRss.raw = raw.peakRssMb();
    await raw.stop();
  }

  for (const target of (["framework", "naive"] as const).filter(runs)) {
    console.error(`next.js ${target}`);
    const next = startNext();
    await ready(next);
    results[target] = await cells(`${baseUrl}/bench/${target}`, "echo");
    peakRss[target] = next.peakRssMb();
    await next.stop();
  }

  if (!runs("ours") && !runs("inflight")) return report(results, peakRss, null);
  console.error("ours (seeding)");
  const slowLlm = await startScriptedLlm({ fallback: { text: "ok", delayMs: inFlightSettings.modelSeconds * 1000 }, keepRequests: false });
  const previewLlm = await startScriptedLlm({ fallback: previewModelTurn, keepRequests: false });
  // The bare Debug & Preview route (app/bench/preview) streams this model.
  env.BENCH_PREVIEW_MODEL_URL = previewLlm.url;
  const account = seedAccount(env);
  const setup = startNext();
  await ready(setup);
  const seeded = await seedPublishedApp({ baseUrl, llmUrl: llm.url, account });
  const slow = await seedPublishedApp({ baseUrl, llmUrl: slowLlm.url, account, name: "Bench slow model" });
  const previewApp = await seedPublishedApp({ baseUrl, llmUrl: previewLlm.url, account, name: "Bench preview" });
  await setup.stop();
  const startOurs = async () => {
    const ours = startNext(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []);
    await waitForFirstCall(seeded.url, callBody(seeded.toolName));
    return ours;
  };

  if (runs("ours")) {
    const started = performance.now();
    const ours = await startOurs();
    const coldStartMs = Math.round(performance.now() - started);
    console.error(`ours: cold start ${coldStartMs} ms`);
    results.ours = await cells(seeded.url, seeded.toolName);
    const firstToken = await previewOverheadMs({ baseUrl, apiKey: seeded.apiKey, workspaceId: seeded.workspaceId, appId: seeded.appId, llmUrl: llm.url });
    peakRss.ours = ours.peakRssMb();
    await ours.stop();
    report(results, peakRss, { coldStartMs, firstToken });
  }
  if (runs("inflight")) {
    const preview = { baseUrl, apiKey: previewApp.apiKey, workspaceId: previewApp.workspaceId, appId: previewApp.appId, llmUrl: previewLlm.url };
    await runInFlightSection({ env, apps: { slow, preview, slowModelUrl: slowLlm.url }, startOurs });
  }
  await Promise.all([llm.close(), slowLlm.close(), previewLlm.close()]);
}

function report(results: Results, peakRss: Record<Target, number>, ours: { coldStartMs: number; firstToken: Awaited<ReturnType<typeof previewOverheadMs>> } | null) {
  printTable(results, peakRss);
  if (ours) {
    console.log(`cold start to first tools/call: ${ours.coldStartMs} ms`);
    console.log(`Debug & Preview first token: ${ours.firstToken.previewMs} ms, model alone ${ours.firstToken.modelMs} ms, our overhead ${ours.firstToken.overheadMs} ms`);
  }
  console.log(`storage: ${storage}; ${os.cpus().length} CPUs; ${seconds}s per cell`);
  // A partial run (BENCH_ONLY) prints but does not replace the full results file.
  if (only) return;
  const file = { date: new Date().toISOString(), storage, cpus: os.cpus().length, node: process.version, secondsPerCell: seconds, results, peakRssMb: peakRss, ...ours };
  writeFileSync("bench/results.json", `${JSON.stringify(file, null, 2)}\n`);
}

async function waitForFirstCall(url: string, body: string) {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    try {
      const response = await fetch(url, { method: "POST", headers: mcpHeaders, body });
      if (response.ok && !(await response.text()).includes('"isError":true')) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the published endpoint never answered tools/call");
}

try {
  await main();
} finally {
  await stopAll();
  database.drop();
}
process.exit(0);
