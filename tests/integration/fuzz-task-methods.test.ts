// Fuzzing the task methods of a published endpoint: generated and hostile task ids (junk, huge, wrong types,
// __proto__ keys, other callers' real ids) and task-augmented calls with odd ttl values. Never a 5xx, never
// internals, never another caller's task; afterwards the table holds exactly the tasks made, each unchanged.
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "@/server/crypto/tokens";
import { getDb } from "@/server/db";
import { mcpTasks } from "@/server/db/schema";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { handlePublishedRequest } from "@/server/mcp/server/handle-request";
import { hostileValues, libraryTexts, withHostileKeys } from "../support/hostile-json";
import { createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";

const runs = 1_500;
const appUrl = process.env.APP_URL!;
let endpoint: TestEndpoint;
let llm: ScriptedLlm;
let code: string;
let appId: string;
// A task of another caller (its own session) that every generated request may aim at.
let victim: { taskId: string; session: string };
let mine: string;

const leaks = /\n\s+at |node_modules|\/work\/|\.ts:\d+|\bselect\b.+\bfrom\b|\binsert into\b|postgres|drizzle|pg-boss|ECONN|in JSON at position|call stack/i;

async function post(body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`${appUrl}/mcp/server/x/mcp`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handlePublishedRequest(request, code, { rateLimit: { limit: 1_000_000, windowSeconds: 60 } });
  return { status: response.status, text: await response.text() };
}

async function session(name: string) {
  const response = await handlePublishedRequest(
    new Request(`${appUrl}/mcp/server/x/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name, version: "1" } } }),
    }),
    code,
  );
  return response.headers.get("mcp-session-id")!;
}

async function createTask(sessionId: string) {
  const { text } = await post({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "weather_helper", arguments: { query: "q" }, task: { ttl: 600_000 } } }, { "mcp-session-id": sessionId });
  return (JSON.parse(text) as { result: { task: { taskId: string } } }).result.task.taskId;
}

beforeAll(async () => {
  [endpoint, llm] = await Promise.all([startTestEndpoint(), startScriptedLlm({ fallback: { text: "Sunny." }, keepRequests: false })]);
  const { url, app } = await createPublishedApp(endpoint, llm);
  code = /\/mcp\/server\/([^/]+)\/mcp/.exec(url)![1]!;
  appId = app.id;
  const victimSession = await session("victim");
  victim = { taskId: await createTask(victimSession), session: victimSession };
  mine = await session("attacker");
});
afterAll(async () => {
  await settleCallLogs();
  await Promise.all([endpoint.close(), llm.close()]);
});

const anyJson = fc.oneof({ weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: withHostileKeys(fc.jsonValue({ maxDepth: 2 })) });
const taskId = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
  fc.constant("x".repeat(100_000)),
  fc.constantFrom("", "__proto__", "constructor", "' or 1=1 --", "%00", "\u0000", "\ud800"),
  fc.constant("VICTIM"),
  anyJson,
);
const method = fc.constantFrom("tasks/get", "tasks/result", "tasks/cancel", "tasks/list", "tasks/update");
const request = fc.oneof(
  fc.record({ jsonrpc: fc.constant("2.0"), id: fc.nat(), method, params: fc.oneof(fc.record({ taskId }), anyJson) }),
  fc.record({
    jsonrpc: fc.constant("2.0"),
    id: fc.nat(),
    method: fc.constant("tools/call"),
    params: fc.record({ name: fc.constantFrom("weather_helper", "other"), arguments: fc.constant({ query: "q" }), task: fc.oneof(fc.record({ ttl: fc.oneof(fc.double(), fc.integer(), anyJson) }, { requiredKeys: [] }), anyJson) }),
  }),
);

describe("fuzzing the task methods", () => {
  it(`answers ${runs} generated task requests without a 5xx, a leak or another caller's task`, { timeout: 240_000 }, async () => {
    let created = 0;
    await fc.assert(
      fc.asyncProperty(request, fc.boolean(), async (message, withSession) => {
        const text = JSON.stringify(message).replaceAll('"VICTIM"', JSON.stringify(victim.taskId));
        const response = await post(text, withSession ? { "mcp-session-id": mine } : {});
        expect(response.status, `${text.slice(0, 200)} -> ${response.text.slice(0, 300)}`).toBeLessThan(500);
        expect(response.text).not.toMatch(leaks);
        expect(response.text).not.toMatch(libraryTexts);
        // The victim's task is never shown, waited on or cancelled for this caller.
        expect(response.text).not.toContain(victim.taskId);
        if (/"task":\{"taskId"/.test(response.text)) created++;
      }),
      { numRuns: runs },
    );
    await settleCallLogs();
    const db = await getDb();
    const rows = await db.select().from(mcpTasks).where(eq(mcpTasks.appId, appId));
    // The generator reaches the task paths: some calls made tasks, and those are all the table holds besides the victim's.
    expect(created).toBeGreaterThan(runs / 50);
    expect(rows).toHaveLength(created + 1);
    const [victimRow] = rows.filter((row) => row.idHash === hashToken(victim.taskId));
    expect(victimRow!.status).not.toBe("cancelled");
    // Every stored row is whole: a known status, a ttl within bounds, JSON that reads back.
    for (const row of rows) {
      expect(["working", "completed", "failed", "cancelled"]).toContain(row.status);
      expect(row.ttlMs).toBeGreaterThanOrEqual(60_000);
    }
    // The victim still reads its own task.
    const own = await post({ jsonrpc: "2.0", id: 1, method: "tasks/get", params: { taskId: victim.taskId } }, { "mcp-session-id": victim.session });
    expect(JSON.parse(own.text).result).toMatchObject({ taskId: victim.taskId });
  });

  it.each(Object.entries(hostileValues))("a task id of %s is refused as unknown, in our words", async (_name, value) => {
    for (const method of ["tasks/get", "tasks/result", "tasks/cancel"]) {
      const response = await post(`{"jsonrpc":"2.0","id":1,"method":"${method}","params":{"taskId":${value}}}`, { "mcp-session-id": mine });
      expect(response.status, response.text).toBeLessThan(500);
      expect(response.text).not.toMatch(libraryTexts);
      if (response.status === 200) expect(JSON.parse(response.text).error).toMatchObject({ code: -32602 });
    }
  });
});
