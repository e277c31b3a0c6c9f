// The Logs page's and call-log pages' queries keep their indexes: on a small workspace with sequential scans off, the
// plan of each query (bench/scale/cases.ts, the same ones the scale benchmark times at millions of rows) names the
// index it was built for. A change to a query or to the indexes that loses one fails here, not in production.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Tx } from "@/server/db";
import { caseContext, queryCases, type CaseContext } from "../../bench/scale/cases";

let context: CaseContext;

/** A year of traffic in miniature: five apps, the first busiest, every source, outcome and method but "cancelled". */
async function seedWorkspace(db: Tx) {
  const workspaceId = crypto.randomUUID();
  const appIds = Array.from({ length: 5 }, (_, i) => `${workspaceId}-app-${i}`);
  const userIds = Array.from({ length: 5 }, (_, i) => `${workspaceId}-user-${i}`);
  await db.execute(sql`insert into workspaces (id, name) values (${workspaceId}, 'Plans')`);
  for (const [i, id] of userIds.entries()) await db.execute(sql`insert into users (id, email) values (${id}, ${`plans-${i}-${workspaceId}@example.test`})`);
  for (const [i, id] of appIds.entries()) {
    await db.execute(sql`insert into apps (id, workspace_id, type, name, draft) values (${id}, ${workspaceId}, 'chat', ${`App ${i}`}, '{}'::jsonb)`);
  }
  const apps = sql`(array[${sql.join(appIds.map((id) => sql`${id}`), sql`, `)}]::text[])`;
  const users = sql`(array[${sql.join(userIds.map((id) => sql`${id}`), sql`, `)}]::text[])`;
  const year = sql`timestamptz '2025-12-01' + (i * interval '1 year' / 20000)`;
  await db.execute(sql`
    insert into conversations (id, workspace_id, app_id, source, title, created_at, updated_at)
    select ${workspaceId} || '-c-' || i, ${workspaceId}, ${apps}[1 + (i % 7) / 3],
      (array['mcp', 'mcp', 'debug', 'mcp', 'api'])[1 + i % 5]::conversation_source,
      'Explain the refund (ticket T' || i || ')', ${year}, ${year} + interval '1 minute'
    from generate_series(1, 20000) as i`);
  await db.execute(sql`
    insert into messages (id, conversation_id, workspace_id, role, content, usage, created_at, finished_at)
    select ${workspaceId} || '-m-' || i || '-' || k, ${workspaceId} || '-c-' || i, ${workspaceId},
      (array['user', 'assistant'])[1 + k % 2], 'About ticket T' || i || ', part ' || k, '{"inputTokens": 10, "outputTokens": 5}'::jsonb,
      ${year} + k * interval '1 second', ${year} + k * interval '2 seconds'
    from generate_series(1, 20000) as i, generate_series(0, 2) as k`);
  await db.execute(sql`
    insert into mcp_call_logs (id, app_id, workspace_id, workspace_server, method, outcome, duration_ms, client_name,
      conversation_id, caller_user_id, oauth_client_id, oauth_client_name, created_at)
    select ${workspaceId} || '-l-' || i, case when i % 10 = 9 then null else ${apps}[1 + (i % 7) / 3] end, ${workspaceId}, i % 5 < 2,
      (array['tools/call', 'tools/call', 'tools/list', 'initialize'])[1 + i % 4], (array['ok', 'ok', 'ok', 'error', 'refused'])[1 + i % 5],
      i % 900, 'Claude Desktop', case when i % 3 = 0 then ${workspaceId} || '-c-' || (i / 3) end,
      case when i % 3 = 1 then ${users}[1 + i % 5] end, case when i % 3 = 1 then 'client-' || (i % 4) end, 'Client', ${sql`timestamptz '2025-12-01' + (i * interval '1 year' / 60000)`}
    from generate_series(1, 60000) as i`);
  await db.execute(sql`analyze conversations, messages, mcp_call_logs`);
  return { workspaceId, appIds };
}

beforeAll(async () => {
  const db = await getDb();
  context = await caseContext(db, await seedWorkspace(db));
}, 120_000);

describe("the Logs and call-log queries use their indexes", () => {
  it.each(queryCases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const db = await getDb();
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const result = await tx.execute(sql`explain ${c.query(tx, context)}`);
      const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as Array<{ "QUERY PLAN": string }>;
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toMatch(new RegExp(`\\b${c.index}\\b`));
  });

  it("the cursors to page 50 exist, so the deep-page cases read a deep page", () => {
    expect(context.cursors).toEqual({ conversations: expect.any(String), appCalls: expect.any(String), workspaceCalls: expect.any(String) });
  });
});
