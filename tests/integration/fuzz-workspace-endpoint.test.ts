// Property-based fuzzing of the workspace MCP server, where one URL holds many tools: generated tools/call requests
// with the workspace's tool names, names it does not have (prototype keys among them) and hostile arguments, on both
// protocol eras. Never a 5xx or internals in an answer; an unknown name is always -32602 "Unknown tool"; every log
// row names one of this workspace's apps or none; afterwards every console read of the apps still answers.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { handlePublishedRequest } from "@/server/mcp/server/handle-request";
import { consoleOverHttp, ownerKey, readEverythingOfApp, readEverythingOfWorkspaceServer } from "../support/console-http";
import { libraryTexts, withHostileKeys } from "../support/hostile-json";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { startServerEverything } from "../support/server-everything";
import { createWorkspaceApps, workspaceCallLogs, type WorkspaceApps } from "../support/workspace-apps";

const runs = 1_500;
const appUrl = process.env.APP_URL!;
const toolNames = ["trip_planner", "echo_agent", "order_summary"];
let endpoint: TestEndpoint;
let llm: ScriptedLlm;
let everything: Awaited<ReturnType<typeof startServerEverything>>;
let ws: WorkspaceApps;
let code: string;
let ownerApiKey: string;

beforeAll(async () => {
  [endpoint, llm, everything] = await Promise.all([
    startTestEndpoint(),
    startScriptedLlm({ fallback: { text: "Fine." }, keepRequests: false }),
    startServerEverything("streamableHttp"),
  ]);
  ws = await createWorkspaceApps(endpoint, llm, { toolServerUrl: everything.url });
  code = /\/mcp\/server\/([^/]+)\/mcp/.exec(ws.url)![1]!;
  ownerApiKey = await ownerKey(ws.userId, ws.workspaceId);
});
afterAll(async () => {
  await Promise.all([endpoint.close(), llm.close(), everything.close()]);
});

const anyJson = fc.oneof({ weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: withHostileKeys(fc.jsonValue({ maxDepth: 2 })) });
const unknownName = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "trip_planner_2", "TRIP_PLANNER", "trip_planner ", "weather_helper", ""),
  fc.string({ maxLength: 80 }),
);
const name = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...toolNames) }, { weight: 2, arbitrary: unknownName.filter((n) => !toolNames.includes(n)) });
const args = fc.oneof(
  anyJson,
  fc.record(
    { query: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), anyJson), city: fc.oneof(fc.string({ maxLength: 40 }), anyJson), order: anyJson, conversation_id: anyJson },
    { requiredKeys: [] },
  ),
  fc.record({ order: fc.record({ item: fc.string({ maxLength: 20 }), quantity: fc.integer({ min: -2, max: 5 }) }, { requiredKeys: [] }) }),
);
const modern = fc.boolean();

interface Sent {
  name: string;
  modern: boolean;
  body: string;
}
const request = fc.tuple(name, args, modern, fc.nat()).map(([tool, toolArgs, isModern, id]): Sent => {
  const params: Record<string, unknown> = { name: tool, arguments: toolArgs };
  if (isModern) {
    params._meta = {
      "io.modelcontextprotocol/protocolVersion": "2026-07-28",
      "io.modelcontextprotocol/clientCapabilities": {},
      "io.modelcontextprotocol/clientInfo": { name: "fuzz", version: "1" },
    };
  }
  return { name: tool, modern: isModern, body: JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params }) };
});

function headersFor(sent: Sent): Record<string, string> {
  const base = { "content-type": "application/json", accept: "application/json, text/event-stream" };
  // A header value cannot carry every string a name can be; such a name goes in the body only.
  const headerSafe = /^[\x20-\x7e]*$/.test(sent.name) && sent.name.trim() === sent.name;
  if (!sent.modern) return { ...base, "mcp-protocol-version": "2025-11-25" };
  return { ...base, "mcp-protocol-version": "2026-07-28", "mcp-method": "tools/call", ...(headerSafe ? { "mcp-name": sent.name } : {}) };
}

const leaks = /\n\s+at |node_modules|\/work\/|\.ts:\d+|\bselect\b.+\bfrom\b|\binsert into\b|postgres|drizzle|ECONN|TypeError|Cannot read prop/i;

it(`answers ${runs} generated tool calls on the workspace server without a 5xx or a leak`, { timeout: 240_000 }, async () => {
  let unknownAnswers = 0;
  let results = 0;
  await fc.assert(
    fc.asyncProperty(request, async (sent) => {
      const response = await handlePublishedRequest(new Request(`${appUrl}/mcp/server/x/mcp`, { method: "POST", headers: headersFor(sent), body: sent.body }), code, {
        rateLimit: { limit: 1_000_000, windowSeconds: 60 },
      });
      const answer = await response.text();
      const what = `${sent.body.slice(0, 200)} -> ${response.status} ${answer.slice(0, 300)}`;
      expect(response.status, what).toBeLessThan(500);
      expect(answer, what).not.toMatch(leaks);
      expect(answer, what).not.toMatch(libraryTexts);
      if (!toolNames.includes(sent.name)) {
        // A name the server does not have never runs anything: invalid params (the unknown name said when the
        // arguments were well formed), or -32020 for a 2026 request whose name could not go in its Mcp-Name header.
        expect(answer, what).toMatch(/"code":-32(602|020)\b/);
        expect(answer, what).not.toMatch(/"result"/);
        if (/Unknown tool/.test(answer)) unknownAnswers++;
      }
      if (/"result"/.test(answer)) results++;
    }),
    { numRuns: runs },
  );
  // The generator reaches the tools: many calls ran an app, many names were refused as unknown.
  expect(results).toBeGreaterThan(runs / 10);
  expect(unknownAnswers).toBeGreaterThan(runs / 10);

  const rows = await workspaceCallLogs(ws.workspaceId);
  const appIds = new Set([ws.chat.id, ws.agent.id, ws.completion.id, null]);
  expect(rows.length).toBeGreaterThan(runs / 2);
  expect(rows.filter((row) => !row.workspaceServer || !appIds.has(row.appId))).toEqual([]);
  // What the run stored (log rows, conversations with generated inputs) must not break a later read.
  const consoleApi = consoleOverHttp(ownerApiKey);
  for (const appId of [ws.chat.id, ws.agent.id, ws.completion.id]) await readEverythingOfApp(consoleApi, appId);
  const read = await readEverythingOfWorkspaceServer(consoleApi, ws.chat.id);
  expect(read.server.apps).toHaveLength(3);
  expect(read.calls.items.length).toBeGreaterThan(0);
  expect(read.appCalls.items.every((row: { appId: string | null }) => row.appId === ws.chat.id)).toBe(true);
});
