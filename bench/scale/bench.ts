// `npm run bench:scale`: times every Logs and call-log query (cases.ts) against the seeded scale database and
// reports p50/p99 per query; `--plans` also writes each one's EXPLAIN (ANALYZE, BUFFERS) to docs/explain/.
//   SCALE_BENCH_RUNS=N   timed runs per query (default 100, after 5 untimed)
//   SCALE_BENCH_TIMEOUT_MS=N  cancel a query after N ms and report it as over (for measuring slow plans at all)
//   --out FILE           also write the figures as JSON (default bench/scale-results.json)
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql, type SQLWrapper } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Tx } from "@/server/db";
import * as schema from "@/server/db/schema";
import { caseContext, isCancelled, queryCases, type CaseContext, type QueryCase } from "./cases";
import { scaleDatabaseUrl } from "./database";
import { findScaleWorkspace } from "./workspace";

const explainFolder = path.resolve("docs/explain");

async function runOnce(db: Tx, query: SQLWrapper): Promise<void> {
  if ("then" in query) await (query as PromiseLike<unknown>);
  else await db.execute(sql`${query}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(db: Tx, c: QueryCase, context: CaseContext, runs: number) {
  for (let i = 0; i < 5; i++) await runOnce(db, c.query(db, context));
  const took: number[] = [];
  for (let i = 0; i < runs; i++) {
    const query = c.query(db, context);
    const start = performance.now();
    await runOnce(db, query);
    took.push(performance.now() - start);
  }
  took.sort((a, b) => a - b);
  return { p50: percentile(took, 50), p99: percentile(took, 99), max: took.at(-1)! };
}

/** The plan as run; a query the timeout cancelled gets its plan without ANALYZE, which does not run it. */
async function writePlan(db: Tx, c: QueryCase, context: CaseContext, { cancelled }: { cancelled: boolean }) {
  const result = await db.execute(cancelled ? sql`explain ${c.query(db, context)}` : sql`explain (analyze, buffers) ${c.query(db, context)}`);
  const lines = (result as unknown as Array<{ "QUERY PLAN": string }>).map((r) => r["QUERY PLAN"]);
  const note = cancelled ? `-- cancelled after ${process.env.SCALE_BENCH_TIMEOUT_MS} ms: plan without ANALYZE\n` : "";
  const header = `-- ${c.name}: expected index ${c.index}\n-- regenerate: npm run bench:scale -- --plans (on the seeded scale database)\n${note}`;
  writeFileSync(path.join(explainFolder, `${c.name}.txt`), header + lines.join("\n") + "\n");
}

async function main() {
  const { values } = parseArgs({ options: { plans: { type: "boolean" }, out: { type: "string" }, only: { type: "string" } } });
  const runs = Number(process.env.SCALE_BENCH_RUNS ?? 100);
  const timeout = process.env.SCALE_BENCH_TIMEOUT_MS;
  const connection = timeout ? { statement_timeout: Number(timeout) } : {};
  const client = postgres(scaleDatabaseUrl(), { max: 1, onnotice: () => {}, fetch_types: false, connection });
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Tx;
  try {
    const seeded = await findScaleWorkspace(client);
    const [counts] = await client`select (select count(*) from conversations)::int as conversations, (select count(*) from messages)::int as messages, (select count(*) from mcp_call_logs)::int as call_logs, pg_size_pretty(pg_database_size(current_database())) as size`;
    console.log(`Scale database: ${JSON.stringify(counts)}; ${runs} runs per query`);
    const context = await caseContext(db, seeded);
    if (values.plans) mkdirSync(explainFolder, { recursive: true });
    const figures: Record<string, { p50: number; p99: number; max: number } | { cancelledAfterMs: number }> = {};
    for (const c of queryCases.filter((q) => !values.only || q.name.includes(values.only))) {
      try {
        const f = await time(db, c, context, runs);
        figures[c.name] = f;
        console.log(`${c.name.padEnd(36)} p50 ${f.p50.toFixed(1).padStart(8)} ms   p99 ${f.p99.toFixed(1).padStart(8)} ms   ${f.p99 < 50 ? "" : "OVER 50 ms"}`);
      } catch (error) {
        if (!isCancelled(error)) throw error;
        figures[c.name] = { cancelledAfterMs: Number(timeout) };
        console.log(`${c.name.padEnd(36)} cancelled after ${timeout} ms`);
        if (values.plans) await writePlan(db, c, context, { cancelled: true });
        continue;
      }
      if (values.plans) await writePlan(db, c, context, { cancelled: false });
    }
    writeFileSync(values.out ?? "bench/scale-results.json", JSON.stringify({ measuredAt: new Date().toISOString(), counts, runs, figures }, null, 2) + "\n");
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
