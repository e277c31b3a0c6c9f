// Property-based fuzzing of the published MCP endpoint: thousands of generated and mutated JSON-RPC messages with
// odd header combinations and hostile keys (__proto__, constructor), and answers to questions nobody asked. Never a 5xx, never a stack trace, SQL, file path
// or library text in a response, memory stays flat, and afterwards every read of the app still answers over HTTP.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { getKv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";
import { askIdPrefix, askKey } from "@/server/mcp/server/client-answers";
import { newSessionId } from "@/server/mcp/server/client-session";
import { handlePublishedRequest } from "@/server/mcp/server/handle-request";
import { consoleOverHttp, ownerKey, readEverythingOfApp } from "../support/console-http";
import { brokenBodies, hostileValues, libraryTexts, withHostileKeys } from "../support/hostile-json";
import { createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";

const runs = 5_000;
const appUrl = process.env.APP_URL!;
let endpoint: TestEndpoint;
let llm: ScriptedLlm;
let code: string;
let appId: string;
let consoleApi: ReturnType<typeof consoleOverHttp>;

beforeAll(async () => {
  [endpoint, llm] = await Promise.all([startTestEndpoint(), startScriptedLlm({ fallback: { text: "Sunny." }, keepRequests: false })]);
  const { url, app, user, workspace } = await createPublishedApp(endpoint, llm, {
    draft: { variables: [{ key: "days", label: "Days", type: "number", min: 1, max: 14 }, { key: "extra", label: "Extra", type: "json" }] },
    settings: { parameterDescriptions: { days: "d", extra: "e" } },
  });
  code = /\/mcp\/server\/([^/]+)\/mcp/.exec(url)![1];
  appId = app.id;
  consoleApi = consoleOverHttp(await ownerKey(user.id, workspace.id));
});
afterAll(async () => {
  await settleCallLogs();
  await Promise.all([endpoint.close(), llm.close()]);
});

const anyJson = fc.oneof({ weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: withHostileKeys(fc.jsonValue({ maxDepth: 2 })) });
const id = fc.oneof(fc.integer(), fc.string({ maxLength: 20 }), fc.constant(null), fc.constant(undefined), anyJson);
const method = fc.oneof(
  fc.constantFrom("initialize", "ping", "tools/list", "tools/call", "notifications/initialized", "notifications/cancelled", "resources/list", "prompts/get", "logging/setLevel", "completion/complete"),
  fc.string({ maxLength: 30 }),
);
const params = fc.oneof(
  anyJson,
  fc.record({ name: fc.oneof(fc.constant("weather_helper"), fc.string({ maxLength: 70 })), arguments: fc.oneof(anyJson, fc.record({ query: fc.oneof(fc.string(), anyJson), days: anyJson, extra: anyJson, conversation_id: anyJson }, { requiredKeys: [] })), _meta: fc.option(fc.record({ progressToken: fc.oneof(fc.integer(), fc.string(), anyJson) })) }, { requiredKeys: [] }),
  fc.record({ protocolVersion: fc.oneof(fc.constantFrom(...SUPPORTED_PROTOCOL_VERSIONS), fc.string()), capabilities: anyJson, clientInfo: anyJson }, { requiredKeys: [] }),
  fc.record({ requestId: anyJson, reason: anyJson }, { requiredKeys: [] }),
);
const message = fc.record({ jsonrpc: fc.constantFrom("2.0", "2.0", "1.0", 2, null, undefined), id, method, params }, { requiredKeys: [] });
// Requests a real client could send, with generated arguments, so the tool-call path is fuzzed too.
const plausible = fc.oneof(
  fc.record({ jsonrpc: fc.constant("2.0"), id: fc.nat(), method: fc.constantFrom("ping", "tools/list") }),
  fc.record({
    jsonrpc: fc.constant("2.0"),
    id: fc.nat(),
    method: fc.constant("tools/call"),
    params: fc.record({ name: fc.constant("weather_helper"), arguments: fc.record({ query: fc.string({ minLength: 1, maxLength: 50 }), days: fc.oneof(fc.integer({ min: -5, max: 20 }), anyJson), extra: anyJson }, { requiredKeys: ["query"] }) }),
  }),
);
// 2026-07-28 envelope claims (basic §Request metadata): plausible, or with junk where the SDK reads the envelope.
const modernVersion = "2026-07-28";
const metaValue = fc.oneof(fc.constant(modernVersion), fc.constantFrom("2025-11-25", "2099-01-01", ""), anyJson);
const modernMeta = fc.oneof(
  fc.record({ "io.modelcontextprotocol/protocolVersion": fc.constant(modernVersion), "io.modelcontextprotocol/clientCapabilities": fc.constant({}), "io.modelcontextprotocol/clientInfo": fc.constant({ name: "fuzz", version: "1" }) }),
  fc.record(
    { "io.modelcontextprotocol/protocolVersion": metaValue, "io.modelcontextprotocol/clientCapabilities": anyJson, "io.modelcontextprotocol/clientInfo": anyJson, progressToken: anyJson },
    { requiredKeys: ["io.modelcontextprotocol/protocolVersion"] },
  ),
  withHostileKeys(fc.jsonValue({ maxDepth: 2 })),
);
const modernMessage = fc
  .tuple(
    fc.oneof(fc.constant("2.0"), fc.constant(undefined)),
    fc.oneof(fc.nat(), fc.string({ maxLength: 10 }), fc.constant(undefined)),
    fc.oneof(fc.constantFrom("server/discover", "tools/list", "tools/call", "notifications/cancelled", "subscriptions/listen", "initialize"), fc.string({ maxLength: 20 })),
    fc.oneof(
      fc.record({ name: fc.constant("weather_helper"), arguments: fc.record({ query: fc.string({ minLength: 1, maxLength: 30 }), days: anyJson }, { requiredKeys: ["query"] }), task: fc.option(anyJson) }, { requiredKeys: ["name"] }),
      fc.record({ requestId: anyJson }),
      anyJson,
    ),
    modernMeta,
  )
  .map(([jsonrpc, id, method, params, meta]) => ({ jsonrpc, id, method, params: params && typeof params === "object" && !Array.isArray(params) ? { ...params, _meta: meta } : { _meta: meta } }));
// Serialised, then sometimes broken: cut short, a byte changed, wrapped in a batch, or not JSON at all.
const body = fc.oneof(
  plausible.map((m) => JSON.stringify(m)),
  { weight: 2, arbitrary: modernMessage.map((m) => JSON.stringify(m)) },
  message.map((m) => JSON.stringify(m)),
  fc.tuple(message, fc.nat(), fc.string({ minLength: 1, maxLength: 3 })).map(([m, at, junk]) => {
    const text = JSON.stringify(m);
    const i = at % (text.length + 1);
    return text.slice(0, i) + junk + text.slice(i + 1);
  }),
  fc.array(message, { maxLength: 3 }).map((batch) => JSON.stringify(batch)),
  fc.string({ maxLength: 200 }),
  fc.constant(""),
);
const headers = fc.record(
  {
    "content-type": fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "", "application/x-www-form-urlencoded"),
    accept: fc.constantFrom("application/json, text/event-stream", "application/json", "text/event-stream", "*/*", ""),
    "mcp-protocol-version": fc.oneof(fc.constantFrom(...SUPPORTED_PROTOCOL_VERSIONS), fc.constantFrom("1999-01-01", "latest", "")),
    origin: fc.constantFrom(appUrl, "https://evil.example", "null"),
    "mcp-session-id": fc.string({ maxLength: 60 }),
    authorization: fc.constantFrom("Bearer nope", "Basic abc", "Bearer"),
  },
  { requiredKeys: [] },
);
const httpMethod = fc.constantFrom("POST", "GET", "DELETE", "PUT");
// Most requests look right on the outside, so the generated bodies reach the JSON-RPC layer; the rest are hostile.
const wellFormedHeaders = fc.record({
  "content-type": fc.constant("application/json"),
  accept: fc.constant("application/json, text/event-stream"),
  "mcp-protocol-version": fc.constantFrom(...SUPPORTED_PROTOCOL_VERSIONS),
});
// Headers a 2026-07-28 client sends, sometimes naming another method or tool than the body (-32020).
const modernHeaders = fc.record({
  "content-type": fc.constant("application/json"),
  accept: fc.constant("application/json, text/event-stream"),
  "mcp-protocol-version": fc.constantFrom(modernVersion, modernVersion, "2099-01-01"),
  "mcp-method": fc.constantFrom("tools/call", "tools/list", "server/discover", "x"),
  "mcp-name": fc.constantFrom("weather_helper", "other", ""),
});
const envelope = fc.oneof(
  { weight: 2, arbitrary: fc.record({ verb: fc.constant("POST"), given: modernHeaders as fc.Arbitrary<Record<string, string>>, rightCode: fc.constant(true) }) },
  { weight: 3, arbitrary: fc.record({ verb: fc.constant("POST"), given: wellFormedHeaders as fc.Arbitrary<Record<string, string>>, rightCode: fc.constant(true) }) },
  { weight: 2, arbitrary: fc.record({ verb: httpMethod, given: headers as fc.Arbitrary<Record<string, string>>, rightCode: fc.boolean() }) },
);

const leaks = /\n\s+at |node_modules|\/work\/|\.ts:\d+|\bselect\b.+\bfrom\b|\binsert into\b|postgres|drizzle|ECONN|Unexpected (end|token)|in JSON at position|call stack|Detected property/i;

async function gcHeapMb() {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

describe("fuzzing the published endpoint", () => {
  it(`answers ${runs} generated requests without a 5xx or a leak, with flat memory`, { timeout: 240_000 }, async () => {
    const before = await gcHeapMb();
    const statuses = new Map<number, number>();
    let jsonRpcAnswers = 0;
    // Answers only the 2026-07-28 lane gives: results with resultType, header mismatch, unsupported version.
    let modernAnswers = 0;
    await fc.assert(
      fc.asyncProperty(envelope, body, async ({ verb, given, rightCode }, text) => {
        const init: RequestInit = { method: verb, headers: Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Record<string, string> };
        if (verb !== "GET") init.body = text;
        const request = new Request(`${appUrl}/mcp/server/x/mcp`, init);
        const response = await handlePublishedRequest(request, rightCode ? code : `${code.slice(0, -1)}A`, { rateLimit: { limit: 1_000_000, windowSeconds: 60 } });
        const answer = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (answer.includes('"jsonrpc"') && response.status !== 405 && response.status !== 406 && response.status !== 403) jsonRpcAnswers++;
        if (/"resultType"|"code":-320(20|22)\b/.test(answer)) modernAnswers++;
        expect(response.status, `${verb} ${text.slice(0, 200)} -> ${answer.slice(0, 300)}`).toBeLessThan(500);
        expect(answer).not.toMatch(leaks);
      }),
      { numRuns: runs },
    );
    await settleCallLogs();
    const after = await gcHeapMb();
    // The generator reaches past the HTTP guards: many requests got a JSON-RPC answer, and some were served (200).
    console.info("statuses", Object.fromEntries(statuses), "JSON-RPC answers", jsonRpcAnswers, "2026-07-28 answers", modernAnswers);
    expect(jsonRpcAnswers).toBeGreaterThan(runs / 4);
    expect(modernAnswers).toBeGreaterThan(runs / 50);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(runs / 100);
    expect(after - before).toBeLessThan(40);
    // What the run stored (call logs, conversations with generated inputs) must not break a later read.
    const read = await readEverythingOfApp(consoleApi, appId);
    expect(read.calls.items.length).toBeGreaterThan(0);
  });

  const hostileBodies = Object.entries({
    ...brokenBodies,
    ...hostileValues,
    ...Object.fromEntries(
      Object.entries(hostileValues).map(([name, text]) => [
        `a tools/call whose arguments hold ${name}`,
        `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"weather_helper","arguments":{"query":"q","extra":${text}}}}`,
      ]),
    ),
    ...Object.fromEntries(
      Object.entries(hostileValues).map(([name, text]) => [
        `a 2026-07-28 envelope whose client info holds ${name}`,
        `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"weather_helper","arguments":{"query":"q"},"_meta":{"io.modelcontextprotocol/protocolVersion":"${modernVersion}","io.modelcontextprotocol/clientCapabilities":{},"io.modelcontextprotocol/clientInfo":${text}}}}`,
      ]),
    ),
  });

  it.each(hostileBodies)("a body of %s is answered in our words and leaves the app's reads answering", async (_name, body) => {
    const modern: Record<string, string> = body.includes(modernVersion) ? { "mcp-protocol-version": modernVersion, "mcp-method": "tools/call", "mcp-name": "weather_helper" } : {};
    const request = new Request(`${appUrl}/mcp/server/x/mcp`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...modern }, body });
    const response = await handlePublishedRequest(request, code, { rateLimit: { limit: 1_000_000, windowSeconds: 60 } });
    const answer = await response.text();
    expect(response.status, answer).toBeLessThan(500);
    expect(answer).not.toMatch(libraryTexts);
    expect(answer).not.toMatch(/Something went wrong/);
    await settleCallLogs();
    await readEverythingOfApp(consoleApi, appId);
  });

  it("answers (JSON-RPC responses) to questions nobody asked are taken with a 202 and leave nothing in the KV store", { timeout: 120_000 }, async () => {
    const sessions = [newSessionId({ name: "fuzz", version: "1" }, { formElicitation: true }), newSessionId({ name: "fuzz", version: "1" })];
    const askId = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_-]{22}$/).map((tail) => `${askIdPrefix}${tail}`),
      fc.string({ maxLength: 40 }).map((tail) => `${askIdPrefix}${tail}`),
      fc.oneof(fc.integer(), fc.string({ maxLength: 30 })),
    );
    const answer = fc.oneof(
      fc.record({ result: fc.oneof(fc.record({ action: fc.constantFrom("accept", "decline", "cancel", "x"), content: fc.option(fc.record({ approve: fc.oneof(fc.boolean(), anyJson) })) }, { requiredKeys: ["action"] }), anyJson) }),
      fc.record({ error: fc.oneof(fc.record({ code: fc.integer(), message: fc.string({ maxLength: 40 }) }), anyJson) }),
      fc.record({ result: fc.record({ action: fc.constant("accept"), padding: fc.string({ minLength: 9_000, maxLength: 9_100 }) }) }),
      fc.record({ result: withHostileKeys(fc.jsonValue({ maxDepth: 1 })) }),
    );
    const tried = new Set<string>();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...sessions), askId, answer, async (sessionId, id, reply) => {
        const body = JSON.stringify({ jsonrpc: "2.0", id, ...reply });
        const request = new Request(`${appUrl}/mcp/server/x/mcp`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25", "mcp-session-id": sessionId },
          body,
        });
        const response = await handlePublishedRequest(request, code, { rateLimit: { limit: 1_000_000, windowSeconds: 60 } });
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, `${body.slice(0, 200)} -> ${text.slice(0, 200)}`).toBeLessThan(500);
        expect(text).not.toMatch(leaks);
        if (typeof id === "string") tried.add(askKey({ serverKey: appId, clientScope: sessionId, requestId: id }));
      }),
      { numRuns: 1_000 },
    );
    console.info("answer statuses", Object.fromEntries(statuses));
    // Most were well-formed answers, taken without a word (202), as the transport spec has it.
    expect(statuses.get(202) ?? 0).toBeGreaterThan(500);
    const kv = getKv();
    for (const key of tried) {
      expect(await kv.get(kvKeys.mcpAskAnswer(key))).toBeNull();
      expect(await kv.get(kvKeys.mcpAskWaiting(key))).toBeNull();
    }
  });
});
