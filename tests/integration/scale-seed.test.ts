// `npm run seed:scale` and `npm run bench:scale` at a tiny size: the sizes asked for land in a database of their own
// with the spread the benchmark relies on, a second seed does not pile onto the first, and without DATABASE_URL the
// seed refuses clearly instead of touching the embedded database.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { databaseUrl, withAdmin } from "../support/test-database";

const scaleDatabase = `sy_scale_${inject("runId")}`;

function run(script: string, args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync("npx", ["tsx", "--conditions=react-server", script, ...args], { env, encoding: "utf8", timeout: 120_000 });
}

describe("the scale seed without a real database", () => {
  it("refuses and says that DATABASE_URL must name a PostgreSQL server", () => {
    const { DATABASE_URL: _unset, ...env } = process.env;
    const seed = run("bench/scale/seed.ts", ["--scale", "0.0001"], env);
    expect(seed.status).toBe(1);
    expect(seed.stderr).toContain("DATABASE_URL is not set");
  });
});

describe.runIf(process.env.DATABASE_URL)("the scale seed on PostgreSQL", () => {
  const env = { ...process.env, SCALE_DATABASE: scaleDatabase };
  afterAll(() => withAdmin(process.env.DATABASE_URL!, (sql) => sql.unsafe(`drop database if exists ${scaleDatabase} with (force)`)));

  it("writes the sizes asked for, spread over apps, sources, outcomes and a year, and refuses to seed twice", async () => {
    const seed = run("bench/scale/seed.ts", ["--fresh", "--conversations", "80", "--messages", "400", "--call-logs", "1000"], env);
    expect(seed.stderr).toBe("");
    expect(seed.status).toBe(0);

    const sql = postgres(databaseUrl(process.env.DATABASE_URL!, scaleDatabase), { max: 1 });
    try {
      const [counts] = await sql`select (select count(*) from conversations)::int as conversations, (select count(*) from messages)::int as messages,
        (select count(*) from mcp_call_logs)::int as call_logs, (select count(distinct app_id) from conversations)::int as apps,
        (select count(*) from messages m left join conversations c on c.id = m.conversation_id where c.id is null)::int as orphans`;
      expect(counts).toEqual({ conversations: 80, messages: 400, call_logs: 1000, apps: 5, orphans: 0 });
      const sources = await sql`select distinct source::text from conversations order by 1`;
      expect(sources.map((r) => r.source)).toEqual(["api", "debug", "mcp"]);
      const outcomes = await sql`select distinct outcome from mcp_call_logs order by 1`;
      expect(outcomes.map((r) => r.outcome)).toEqual(["error", "ok", "refused"]);
      const [spread] = await sql`select extract(day from max(created_at) - min(created_at))::int as days,
        bool_or(workspace_server) as via_workspace, bool_or(not workspace_server) as via_app, bool_or(caller_user_id is not null) as signed_in
        from mcp_call_logs`;
      expect(spread).toEqual({ days: expect.any(Number), via_workspace: true, via_app: true, signed_in: true });
      expect(spread!.days).toBeGreaterThan(360);
    } finally {
      await sql.end();
    }

    const again = run("bench/scale/seed.ts", ["--conversations", "8"], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already holds a seeded workspace");
  });

  it("the scale benchmark times every query against the seeded database", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "sy-scale-")), "results.json");
    const bench = run("bench/scale/bench.ts", ["--out", out], { ...env, SCALE_BENCH_RUNS: "2" });
    expect(bench.status).toBe(0);
    const results = JSON.parse(readFileSync(out, "utf8"));
    expect(results.counts).toMatchObject({ conversations: 80, messages: 400, call_logs: 1000 });
    expect(Object.keys(results.figures)).toContain("app-calls-outcome-cancelled");
    expect(results.figures["conversations-first-page"]).toEqual({ p50: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) });
  });
});
