// `npm run seed:scale`: one workspace with a year of traffic (by default 1,000,000 conversations, 5,000,000 messages
// and 10,000,000 MCP call-log rows) written with COPY into the scale database (database.ts). Sizes:
//   --scale 0.01           every size times 0.01 (also SCALE_FACTOR)
//   --conversations N --messages N --call-logs N   one size exactly
//   --fresh                drop and recreate the scale database first (otherwise a seeded workspace must not exist)
import { once } from "node:events";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { prepareScaleDatabase, scaleDatabaseUrl } from "./database";
import {
  callLogColumns,
  callLogLine,
  conversationColumns,
  conversationLine,
  messageColumns,
  messageLines,
  messagesBefore,
  type ScaleSizes,
  type ScaleWorkspace,
} from "./rows";
import { scaleWorkspaceName } from "./workspace";

const full: ScaleSizes = { conversations: 1_000_000, messages: 5_000_000, callLogs: 10_000_000 };

function sizesFrom(args: string[], env: NodeJS.ProcessEnv = process.env): { sizes: ScaleSizes; fresh: boolean } {
  const { values } = parseArgs({
    args,
    options: { scale: { type: "string" }, conversations: { type: "string" }, messages: { type: "string" }, "call-logs": { type: "string" }, fresh: { type: "boolean" } },
  });
  const factor = Number(values.scale ?? env.SCALE_FACTOR ?? 1);
  const count = (given: string | undefined, fallback: number) => {
    const n = given === undefined ? Math.round(fallback * factor) : Number(given);
    if (!Number.isInteger(n) || n < 1) throw new Error(`Sizes must be whole numbers of at least 1 (got ${given ?? fallback * factor}).`);
    return n;
  };
  const sizes = {
    conversations: count(values.conversations, full.conversations),
    messages: count(values.messages, full.messages),
    callLogs: count(values["call-logs"], full.callLogs),
  };
  return { sizes, fresh: values.fresh ?? false };
}

/** Streams `count` rows made by `line` into one COPY, waiting whenever the connection's buffer is full. */
async function copyRows(sql: postgres.Sql, table: string, columns: string, count: number, lines: (n: number) => string) {
  const stream = await sql.unsafe(`copy ${table} (${columns}) from stdin`).writable();
  const batch = 2_000;
  for (let start = 0; start < count; start += batch) {
    let chunk = "";
    for (let n = start; n < Math.min(count, start + batch); n++) chunk += lines(n);
    if (!stream.write(chunk)) await once(stream, "drain");
  }
  stream.end();
  await once(stream, "finish");
}

async function createWorkspace(sql: postgres.Sql): Promise<ScaleWorkspace> {
  const [existing] = await sql`select id from workspaces where name = ${scaleWorkspaceName}`;
  if (existing) throw new Error(`The scale database already holds a seeded workspace (${existing.id}); run with --fresh to start over.`);
  const workspaceId = crypto.randomUUID();
  const userIds = Array.from({ length: 20 }, () => crypto.randomUUID());
  const appIds = Array.from({ length: 5 }, () => crypto.randomUUID());
  const versionIds = appIds.map(() => crypto.randomUUID());
  const oauthClients = ["Claude Desktop", "Cursor", "ChatGPT", "Goose", "Zed"].map((name) => ({ id: crypto.randomUUID(), name }));
  const draft = { instructions: "Answer support questions.", variables: [], model: null, tools: [], maxToolRounds: 5, openingStatement: "" };
  await sql.begin(async (tx) => {
    await tx`insert into workspaces (id, name) values (${workspaceId}, ${scaleWorkspaceName})`;
    await tx`insert into users ${tx(userIds.map((id, i) => ({ id, email: `scale-${i}@example.test`, name: `Scale person ${i}` })))}`;
    await tx`insert into memberships ${tx(userIds.map((userId, i) => ({ workspace_id: workspaceId, user_id: userId, role: i === 0 ? "owner" : "member" })))}`;
    for (const [i, id] of appIds.entries()) {
      await tx`insert into apps (id, workspace_id, type, name, draft, published_version_id, created_by)
        values (${id}, ${workspaceId}, 'chat', ${`Support desk ${i + 1}`}, ${tx.json(draft)}, ${versionIds[i]!}, ${userIds[0]!})`;
      await tx`insert into app_versions (id, app_id, workspace_id, version, config) values (${versionIds[i]!}, ${id}, ${workspaceId}, 1, ${tx.json(draft)})`;
    }
    // The code hashes are never looked up: the seeded servers exist for their logs, not to be called.
    await tx`insert into published_servers (app_id, workspace_id, enabled, code_hash, code_ciphertext, tool_name, tool_description)
      values (${appIds[0]!}, ${workspaceId}, true, ${`scale-${workspaceId}`}, 'unused', 'support_desk', 'Answers support questions.')`;
    await tx`insert into workspace_servers (workspace_id, enabled, code_hash, code_ciphertext)
      values (${workspaceId}, true, ${`scale-ws-${workspaceId}`}, 'unused')`;
  });
  return { workspaceId, appIds, versionIds, userIds, oauthClients };
}

async function seed(args: string[]) {
  const { sizes, fresh } = sizesFrom(args);
  const url = scaleDatabaseUrl();
  const started = performance.now();
  const lap = (label: string, since: number) => console.log(`${label}: ${((performance.now() - since) / 1000).toFixed(1)} s`);
  await prepareScaleDatabase(url, { fresh });
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // A lost seed is simply run again, so the server need not flush each COPY's WAL before answering.
    await sql`set synchronous_commit = off`;
    const ws = await createWorkspace(sql);
    console.log(`Seeding workspace ${ws.workspaceId}: ${JSON.stringify(sizes)}`);
    let t = performance.now();
    await copyRows(sql, "conversations", conversationColumns, sizes.conversations, (n) => conversationLine(n, sizes, ws));
    lap("conversations", t);
    t = performance.now();
    await copyRows(sql, "messages", messageColumns, sizes.conversations, (n) => {
      const first = messagesBefore(n, sizes);
      return messageLines(n, messagesBefore(n + 1, sizes) - first, first, sizes, ws);
    });
    lap("messages", t);
    t = performance.now();
    await copyRows(sql, "mcp_call_logs", callLogColumns, sizes.callLogs, (n) => callLogLine(n, sizes, ws));
    lap("mcp_call_logs", t);
    t = performance.now();
    await sql`analyze conversations, messages, mcp_call_logs`;
    lap("analyze", t);
    const [size] = await sql`select pg_size_pretty(pg_database_size(current_database())) as size`;
    lap(`Seeded in total (database size ${size!.size})`, started);
  } finally {
    await sql.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seed(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
