// Malformed and hostile requests to a published server: each gets its documented status and a JSON-RPC error,
// never a 5xx and never a stack trace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";

let endpoint: TestEndpoint;
let llm: ScriptedLlm;
let url: string;

beforeAll(async () => {
  [endpoint, llm] = await Promise.all([startTestEndpoint(), startScriptedLlm()]);
  ({ url } = await createPublishedApp(endpoint, llm, {
    draft: {
      variables: [
        { key: "days", label: "Days", type: "number", min: 1, max: 14 },
        { key: "units", label: "Units", type: "select", options: ["metric", "imperial"] },
        { key: "alerts", label: "Alerts", type: "checkbox" },
        { key: "extra", label: "Extra", type: "json" },
      ],
    },
    settings: { parameterDescriptions: { days: "d", units: "u", alerts: "a", extra: "e" } },
  }));
});
afterAll(async () => {
  await settleCallLogs();
  await Promise.all([endpoint.close(), llm.close()]);
});

const json = "application/json";
const accept = "application/json, text/event-stream";
const call = (args: unknown) => JSON.stringify({ jsonrpc: "2.0", id: 9, method: "tools/call", params: { name: "weather_helper", arguments: args } });

interface Case {
  name: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | ReadableStream<Uint8Array>;
  status: number;
  /** The JSON-RPC error code, or "isError" for a tool result that reports the failure. */
  error?: number | "isError";
  message?: RegExp;
}

const huge = "x".repeat(1024 * 1024 + 10);
const streamed = () =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < 3; i++) controller.enqueue(new TextEncoder().encode(huge.slice(0, 500_000)));
      controller.close();
    },
  });

const cases: Case[] = [
  { name: "not JSON", body: "{not json", status: 400, error: -32700, message: /not valid JSON/ },
  { name: "an empty body", body: "", status: 400, error: -32700 },
  { name: "a wrong JSON-RPC version", body: JSON.stringify({ jsonrpc: "1.0", id: 1, method: "ping" }), status: 400, error: -32600 },
  { name: "a missing method", body: JSON.stringify({ jsonrpc: "2.0", id: 1 }), status: 400, error: -32600 },
  { name: "a null id", body: JSON.stringify({ jsonrpc: "2.0", id: null, method: "ping" }), status: 400, error: -32600, message: /not null/ },
  { name: "a JSON string", body: JSON.stringify("ping"), status: 400, error: -32600 },
  {
    name: "a batch on 2025-06-18",
    headers: { "mcp-protocol-version": "2025-06-18" },
    body: JSON.stringify([{ jsonrpc: "2.0", id: 1, method: "ping" }]),
    status: 400,
    error: -32600,
    message: /batches are not supported/,
  },
  { name: "an empty batch on 2025-03-26", headers: { "mcp-protocol-version": "2025-03-26" }, body: "[]", status: 400, error: -32600 },
  { name: "a huge body", body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", params: { pad: huge } }), status: 413, error: -32000 },
  { name: "a huge body without Content-Length", body: streamed(), status: 413, error: -32000 },
  { name: "a wrong Accept", headers: { accept: "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }), status: 406, error: -32000 },
  { name: "a wrong content type", headers: { "content-type": "text/plain" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }), status: 415, error: -32000 },
  { name: "a foreign Origin", headers: { origin: "https://evil.example" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }), status: 403, error: -32000 },
  { name: "an Origin of null", headers: { origin: "null" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }), status: 403, error: -32000 },
  { name: "an unsupported protocol version", headers: { "mcp-protocol-version": "1999-01-01" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }), status: 400, error: -32000 },
  { name: "a GET", method: "GET", status: 405, error: -32000 },
  { name: "a DELETE", method: "DELETE", status: 405, error: -32000 },
  { name: "an unknown method", body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "resources/list" }), status: 200, error: -32601 },
  // Found by the fuzzer: names of Object.prototype's members once reached a lookup in a plain object.
  ...["__proto__", "constructor", "toString", "hasOwnProperty"].map((method) => ({
    name: `a method named ${method}`,
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method }),
    status: 200,
    error: -32601,
  })),
  { name: "an unknown tool", body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "rm_rf", arguments: {} } }), status: 200, error: -32602, message: /Unknown tool/ },
  { name: "arguments that are not an object", body: call("query"), status: 200, error: -32602, message: /Invalid params for tools\/call/ },
  { name: "initialize without clientInfo", body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18" } }), status: 200, error: -32602 },
  { name: "a query of the wrong type", body: call({ query: 42 }), status: 200, error: "isError", message: /"query" is required/ },
  { name: "a number that is not a number", body: call({ query: "q", days: "many" }), status: 200, error: "isError", message: /must be a number/ },
  { name: "a number out of bounds", body: call({ query: "q", days: 99 }), status: 200, error: "isError", message: /at most 14/ },
  { name: "a value outside the select's options", body: call({ query: "q", units: "kelvin" }), status: 200, error: "isError", message: /one of: metric, imperial/ },
  { name: "a checkbox that is not a boolean", body: call({ query: "q", alerts: "yes" }), status: 200, error: "isError", message: /true or false/ },
  { name: "a JSON field that is not an object", body: call({ query: "q", extra: [1, 2] }), status: 200, error: "isError", message: /JSON object/ },
  { name: "a conversation_id of the wrong type", body: call({ query: "q", conversation_id: 5 }), status: 200, error: "isError", message: /must be a string/ },
];

describe("malformed requests", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const response = await fetch(url, {
      method: c.method ?? "POST",
      headers: { "content-type": json, accept, ...c.headers },
      body: c.body,
      ...(c.body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit);
    const text = await response.text();
    expect(response.status, text).toBe(c.status);
    expect(text).not.toMatch(/\n\s+at |node_modules|[A-Z][a-z]+Error|ZodError|SQL|postgres/);
    const body = JSON.parse(text);
    expect(body.jsonrpc).toBe("2.0");
    if (c.error === "isError") {
      expect(body.result.isError).toBe(true);
      expect(body.result.content[0].text).toMatch(c.message!);
    } else {
      expect(body.error.code).toBe(c.error);
      if (c.message) expect(body.error.message).toMatch(c.message);
    }
    if (c.status === 405) expect(response.headers.get("allow")).toBe("POST");
    expect(llm.requests).toHaveLength(0);
  });

  it("a notification is accepted with 202 and no body", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": json, accept },
      body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }),
    });
    expect(response.status).toBe(202);
    expect(await response.text()).toBe("");
  });

  it("a batch is still answered for clients on 2025-03-26, which allowed them", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": json, accept, "mcp-protocol-version": "2025-03-26" },
      body: JSON.stringify([
        { jsonrpc: "2.0", id: 1, method: "ping" },
        { jsonrpc: "2.0", id: 2, method: "tools/list" },
      ]),
    });
    expect(response.status).toBe(200);
    const answers = await response.json();
    expect(answers).toEqual([
      { jsonrpc: "2.0", id: 1, result: {} },
      { jsonrpc: "2.0", id: 2, result: { tools: [expect.objectContaining({ name: "weather_helper" })] } },
    ]);
    expect(answers[1].result.tools[0].outputSchema).toBeUndefined();
  });

  it("a browser on the app's own origin is allowed", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": json, accept, origin: "http://localhost:3000" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
    });
    expect(response.status).toBe(200);
  });
});
