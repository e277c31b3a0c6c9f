// Fuzzing the 2026-07-28 retries of a call that asked first (round-trips.ts): generated requestState strings, sealed
// states naming calls and questions that do not exist, and hostile inputResponses. Never a 5xx or a leak, the tool
// that asks first never runs, and nothing is left in the KV store under the keys those retries name.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getKv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";
import { askIdPrefix, askKey } from "@/server/mcp/server/client-answers";
import { handlePublishedRequest } from "@/server/mcp/server/handle-request";
import { anonymousScope } from "@/server/mcp/server/lane";
import { roundStateCodec } from "@/server/mcp/server/round-trips";
import { turnKey } from "@/server/mcp/server/round-turns";
import { libraryTexts, withHostileKeys } from "../support/hostile-json";
import { modernHeaders, modernRequest } from "../support/modern-client";
import { createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";

const appUrl = process.env.APP_URL!;
const leaks = /\n\s+at |node_modules|\/work\/|\.ts:\d+|postgres|drizzle|ECONN/i;
let endpoint: TestEndpoint;
let llm: ScriptedLlm;
let tools: TestMcpServer;
let code: string;
let appId: string;

beforeAll(async () => {
  [endpoint, llm, tools] = await Promise.all([startTestEndpoint(), startScriptedLlm({ fallback: { toolCalls: [{ name: "test__save_note", arguments: { text: "x" } }] } }), startTestMcpServer()]);
  const published = await createPublishedApp(endpoint, llm, { type: "agent", name: "Note keeper", toolServerUrl: tools.url });
  code = /\/mcp\/server\/([^/]+)\/mcp/.exec(published.url)![1]!;
  appId = published.app.id;
});
afterAll(() => Promise.all([endpoint.close(), llm.close(), tools.close()]));

const askId = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{22}$/).map((tail) => `${askIdPrefix}${tail}`), fc.string({ maxLength: 40 }));
const sealed = fc
  .record({ call: fc.string({ maxLength: 30 }), ask: askId, tool: fc.constantFrom("weather_helper", "other", ""), id: fc.oneof(fc.integer(), fc.string({ maxLength: 10 })) })
  .map((state) => ({ state, wire: roundStateCodec().mint(state) }));
const raw = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom("v1..", "v1.e30.", "v1.e30.AAAA", "v2.x.y"), fc.string({ minLength: 5_000, maxLength: 5_100 }));
const responses = fc.oneof(fc.constant(undefined), withHostileKeys(fc.jsonValue({ maxDepth: 2 })), fc.dictionary(askId, fc.oneof(fc.record({ action: fc.constantFrom("accept", "decline", "x"), content: fc.jsonValue({ maxDepth: 1 }) }), fc.jsonValue({ maxDepth: 1 }))));

describe("fuzzing retries on the 2026-07-28 lane", () => {
  it("answers every generated retry without a 5xx or a leak, runs nothing that asks first, and leaves nothing behind", { timeout: 180_000 }, async () => {
    const named: Array<{ call: string; ask: string }> = [];
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(sealed, raw.map((wire) => ({ state: null, wire: Promise.resolve(wire) }))), responses, async ({ state, wire }, inputResponses) => {
        const params = { name: "weather_helper", arguments: { query: "q" }, requestState: await wire, ...(inputResponses === undefined ? {} : { inputResponses }) };
        const body = modernRequest(1, "tools/call", params, { "io.modelcontextprotocol/clientCapabilities": { elicitation: { form: {} } } });
        const request = new Request(`${appUrl}/mcp/server/x/mcp`, { method: "POST", headers: modernHeaders("tools/call", "weather_helper"), body: JSON.stringify(body) });
        const response = await handlePublishedRequest(request, code, { rateLimit: { limit: 1_000_000, windowSeconds: 60 } });
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, text.slice(0, 200)).toBeLessThan(500);
        expect(text).not.toMatch(leaks);
        expect(text).not.toMatch(libraryTexts);
        if (state) named.push(state);
      }),
      { numRuns: 300 },
    );
    console.info("retry statuses", Object.fromEntries(statuses));
    expect(tools.notes).toEqual([]);
    // No model was asked: no retry started a run.
    expect(llm.requests).toHaveLength(0);
    const kv = getKv();
    const scope = anonymousScope(new Request(appUrl, { headers: modernHeaders("tools/call") }), null);
    for (const { call, ask } of named) {
      expect(await kv.get(kvKeys.mcpRoundTurn(turnKey({ serverKey: appId, clientScope: scope }, call, ask)))).toBeNull();
      expect(await kv.get(kvKeys.mcpAskAnswer(askKey({ serverKey: appId, clientScope: scope, requestId: ask })))).toBeNull();
    }
  });
});
