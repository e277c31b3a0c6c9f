// Hostile data that was accepted must never break a later read: object keys such as __proto__, constructor and
// prototype (which superjson refuses to serialize) and absurdly deep JSON, stored through the published endpoint or
// the console, read back over HTTP with the console's own client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { consoleOverHttp, ownerKey, readEverythingOfApp } from "../support/console-http";
import { createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";

let endpoint: TestEndpoint;
let llm: ScriptedLlm;

beforeAll(async () => {
  [endpoint, llm] = await Promise.all([startTestEndpoint(), startScriptedLlm({ fallback: { text: "Sunny." } })]);
});
afterAll(async () => {
  await settleCallLogs();
  await Promise.all([endpoint.close(), llm.close()]);
});

async function publishedApp() {
  const published = await createPublishedApp(endpoint, llm, {
    draft: { variables: [{ key: "extra", label: "Extra", type: "json" }] },
    settings: { parameterDescriptions: { extra: "e" } },
  });
  return { ...published, client: consoleOverHttp(await ownerKey(published.user.id, published.workspace.id)) };
}

/** A tools/call whose body is written by hand, so the keys arrive exactly as an attacker types them. */
async function callWithRawArguments(url: string, argumentsJson: string) {
  const body = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"weather_helper","arguments":${argumentsJson}}}`;
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body });
  await response.text();
  await settleCallLogs();
  return response;
}

/** JSON text with keys sorted (jsonb stores keys in its own order), written out directly: no object is built. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const hostileArguments = '{"query":"hi","__proto__":{"polluted":"yes"},"extra":{"constructor":{"prototype":{"polluted":"yes"}},"__proto__":{"isAdmin":true},"~prototype":1}}';

describe("hostile object keys", () => {
  it("one anonymous tool call with a __proto__ key leaves the app's Logs, conversations and MCP tab readable", async () => {
    const { app, url, client } = await publishedApp();
    await callWithRawArguments(url, hostileArguments);

    const read = await readEverythingOfApp(client, app.id);
    expect(read.calls.items).toHaveLength(1);
    // Kept as data, as written: own keys, never a prototype.
    const args = read.calls.items[0]!.toolArguments as Record<string, unknown>;
    expect(Object.keys(args).sort()).toEqual(["__proto__", "extra", "query"]);
    expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
    expect(canonical(args)).toBe(canonical(JSON.parse(hostileArguments)));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("a json form field holding such keys keeps conversations.list and conversations.get answering", async () => {
    const { app, url, client } = await publishedApp();
    await callWithRawArguments(url, '{"query":"hi","extra":{"constructor":"c","prototype":{"__proto__":"p"}}}');

    const read = await readEverythingOfApp(client, app.id);
    expect(read.conversations.items.length).toBeGreaterThan(0);
    expect(canonical(read.opened)).toContain(canonical(JSON.parse('{"constructor":"c","prototype":{"__proto__":"p"}}')));
  });

  it("the console's own client can save such keys in a draft and read them back unchanged", async () => {
    const { app, client } = await publishedApp();
    const schema = JSON.parse('{"type":"object","properties":{"constructor":{"type":"string"},"__proto__":{"type":"number"},"~constructor":{"type":"string"}}}');
    await client.apps.updateDraft.mutate({ id: app.id, draft: { variables: [{ key: "extra", label: "Extra", type: "json", jsonSchema: schema }] } as never });
    const read = await readEverythingOfApp(client, app.id);
    const variables = (read.app.draft as { variables: { jsonSchema: unknown }[] }).variables;
    expect(canonical(variables[0]!.jsonSchema)).toBe(canonical(schema));
  });
});

describe("hostile nesting", () => {
  it("a tool call nested 1,000 levels deep leaves the Logs readable", async () => {
    const { app, url, client } = await publishedApp();
    const deep = "[".repeat(1_000) + "]".repeat(1_000);
    await callWithRawArguments(url, `{"query":"hi","extra":${deep}}`);
    const read = await readEverythingOfApp(client, app.id);
    // Whatever was kept of it (the endpoint may refuse it or store it cut), the read answers.
    expect(JSON.stringify(read.calls.items)).not.toContain("[".repeat(250));
  });

});
