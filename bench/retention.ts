// `npm run bench:retention`: the retention job against a backlog (issue #28's target: 1,000,000 call-log rows removed
// without holding a lock over 1 s). Seeds its own database, `switchyard_retention` (dropped and made again, so other
// work on the server is not slowed), with COPY, then runs the job while another connection keeps inserting with
// lock_timeout = 1s, and reports total time, rows/s, the longest statement (the longest any of its row locks was
// held) and what the inserter saw. Needs PostgreSQL: DATABASE_URL names the server to make the database on.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";

const callLogRows = Number(process.env.BENCH_RETENTION_ROWS ?? 1_000_000);
const keptRows = Number(process.env.BENCH_RETENTION_KEPT ?? 100_000);
const conversationRows = Number(process.env.BENCH_RETENTION_CONVERSATIONS ?? 50_000);
const batchSize = Number(process.env.BENCH_RETENTION_BATCH ?? 5_000);
const databaseName = "switchyard_retention";
const dayMs = 24 * 60 * 60 * 1000;

const base = process.env.DATABASE_URL;
if (!base) {
  console.error("bench:retention needs PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).");
  process.exit(1);
}
const url = new URL(base);
url.pathname = `/${databaseName}`;

const admin = postgres(base, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
await admin.unsafe(`create database ${databaseName}`);
await admin.end();
// Before the app's modules load: they read DATABASE_URL once (server/env.ts).
process.env.DATABASE_URL = url.toString();
const { closeDb, getDb } = await import("@/server/db");
const { removeOldRecords } = await import("@/server/retention/remove-old-records");
await getDb(); // applies the migrations

const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
const workspaceId = randomUUID();
const appId = randomUUID();
await sql`insert into workspaces (id, name, retention_days) values (${workspaceId}, 'Retention bench', 30)`;
await sql`insert into apps (id, workspace_id, type, name, draft) values (${appId}, ${workspaceId}, 'chat', 'Bench', '{}'::jsonb)`;

/** Call-log rows in COPY's text format, `ageDays(i)` days old, in chunks of 10,000 lines. */
function* callLogLines(count: number, ageDays: (i: number) => number) {
  const now = Date.now();
  for (let start = 0; start < count; start += 10_000) {
    let chunk = "";
    for (let i = start; i < Math.min(count, start + 10_000); i++) {
      const at = new Date(now - ageDays(i) * dayMs).toISOString();
      chunk += `${randomUUID()}\t${workspaceId}\t${appId}\ttools/call\tok\t${i % 900}\t${at}\n`;
    }
    yield chunk;
  }
}

async function copyCallLogs(count: number, ageDays: (i: number) => number) {
  const target = await sql`copy mcp_call_logs (id, workspace_id, app_id, method, outcome, duration_ms, created_at) from stdin`.writable();
  await pipeline(Readable.from(callLogLines(count, ageDays)), target);
}

let started = performance.now();
// Old rows spread over 31-400 days ago (interleaved, as a year of traffic leaves them); kept ones over the last 29 days.
await copyCallLogs(callLogRows, (i) => 31 + ((i * 7919) % 370) + (i % 1000) / 1000);
await copyCallLogs(keptRows, (i) => (i % 29_000) / 1000);
await sql`
  insert into conversations (id, workspace_id, app_id, source, created_at, updated_at)
  select 'c' || n, ${workspaceId}, ${appId}, 'mcp', now() - make_interval(days => 31 + n % 300), now() - make_interval(days => 31 + n % 300)
  from generate_series(1, ${conversationRows}) n`;
await sql`
  insert into messages (id, conversation_id, workspace_id, role, content, created_at)
  select 'm' || n || r, 'c' || n, ${workspaceId}, case r when 1 then 'user' else 'assistant' end, 'text', now() - make_interval(days => 31 + n % 300)
  from generate_series(1, ${conversationRows}) n, generate_series(1, 2) r`;
await sql`
  insert into tool_calls (id, message_id, workspace_id, call_id, round, name, status)
  select 't' || n, 'm' || n || '2', ${workspaceId}, 'call-1', 1, 'lookup', 'completed'
  from generate_series(1, ${conversationRows}) n`;
await sql`analyze`;
const seedSeconds = (performance.now() - started) / 1000;
console.error(`seeded ${callLogRows + keptRows} call-log rows and ${conversationRows} conversations in ${seedSeconds.toFixed(1)} s`);

// The live writer: one connection with lock_timeout = 1s, inserting a call-log row after another for the whole run.
const writer = postgres(url.toString(), { max: 1, onnotice: () => {} });
await writer`set lock_timeout = '1s'`;
const insertMs: number[] = [];
let insertFailures = 0;
let running = true;
const writing = (async () => {
  while (running) {
    const t = performance.now();
    try {
      await writer`insert into mcp_call_logs (id, workspace_id, app_id, method, outcome, duration_ms)
        values (${randomUUID()}, ${workspaceId}, ${appId}, 'tools/call', 'ok', 1)`;
      insertMs.push(performance.now() - t);
    } catch (error) {
      insertFailures += 1;
      console.error("insert failed:", error instanceof Error ? error.message : error);
    }
  }
})();

const batches: { table: string; rows: number; ms: number }[] = [];
started = performance.now();
const removed = await removeOldRecords({ batchSize, onBatch: (batch) => batches.push(batch) });
const runSeconds = (performance.now() - started) / 1000;
running = false;
await writing;

const [left] = await sql<{ old: number; kept: number }[]>`
  select count(*) filter (where created_at < now() - interval '30 days')::int as old, count(*)::int as kept from mcp_call_logs`;
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
const of = (table: string) => batches.filter((b) => b.table === table && b.rows > 0).map((b) => b.ms);
const results = {
  callLogRowsRemoved: removed.callLogs,
  conversationsRemoved: removed.conversations,
  batchSize,
  runSeconds: Number(runSeconds.toFixed(2)),
  callLogRowsPerSecond: Math.round(removed.callLogs / runSeconds),
  callLogBatchMs: { p50: Math.round(quantile(of("mcp_call_logs"), 0.5)), max: Math.round(Math.max(...of("mcp_call_logs"))) },
  conversationBatchMs: { p50: Math.round(quantile(of("conversations"), 0.5)), max: Math.round(Math.max(0, ...of("conversations"))) },
  inserter: { inserts: insertMs.length, failures: insertFailures, p99Ms: Number(quantile(insertMs, 0.99).toFixed(1)), maxMs: Number(Math.max(...insertMs).toFixed(1)) },
  oldRowsLeft: left!.old,
  rowsKept: left!.kept,
};
console.log(JSON.stringify(results, null, 2));
const longest = Math.max(results.callLogBatchMs.max, results.conversationBatchMs.max);
console.log(`\nlongest statement ${longest} ms (target: under 1,000 ms); inserter failures ${insertFailures} (target: 0)`);

await writer.end();
await sql.end();
await closeDb();
if (process.env.BENCH_RETENTION_KEEP !== "1") {
  const cleanup = postgres(base, { max: 1, onnotice: () => {} });
  await cleanup.unsafe(`drop database if exists ${databaseName} with (force)`);
  await cleanup.end();
}
