// Traces and metrics against real parts: an OTLP/HTTP receiver on 127.0.0.1 takes what the OpenTelemetry exporter
// sends, a published agent app runs on the scripted model and calls a tool of the test MCP server, and the metrics
// route is asked as a scraper would.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricsResponse } from "@/server/observability/metrics-route";
import { startTracing, tracingOn, type Tracing } from "@/server/observability/tracing";
import { createPublishedApp } from "../support/published-app";
import { useEndpointHarness } from "../support/endpoint-harness";
import { startOtlpReceiver, type OtlpReceiver } from "../support/otlp-receiver";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";
import { connectTestTools, createTestApp, runTestApp, testServerId } from "../support/runtime";

const h = useEndpointHarness();
let receiver: OtlpReceiver;
let tools: TestMcpServer;
beforeAll(async () => {
  [receiver, tools] = await Promise.all([startOtlpReceiver(), startTestMcpServer()]);
});
afterAll(async () => Promise.all([receiver?.close(), tools?.close()]));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A published agent app that adds two numbers with the test server's tool, called once over MCP. */
async function callAgent(query = "What is 2 + 3?") {
  const published = await createPublishedApp(h.endpoint, h.llm, { type: "agent", toolServerUrl: tools.url });
  h.llm.script([{ toolCalls: [{ name: "test__add", arguments: { a: 2, b: 3 } }] }, { text: "It is 5." }]);
  const client = await h.connect(published.url);
  const result = await client.callTool({ name: "weather_helper", arguments: { query } });
  return { ...published, client, result };
}

describe("with OTEL_EXPORTER_OTLP_ENDPOINT unset", () => {
  it("starts nothing and sends nothing, while calls still work", async () => {
    expect(await startTracing({ endpoint: undefined, serviceName: "switchyard" })).toBeNull();
    expect(tracingOn()).toBe(false);
    const { result } = await callAgent();
    expect(result.isError).toBeFalsy();
    await sleep(300);
    expect(receiver.requests).toHaveLength(0);
  });
});

describe("with a collector", () => {
  let tracing: Tracing;
  beforeAll(async () => {
    tracing = (await startTracing({ endpoint: receiver.url, serviceName: "switchyard-test" }))!;
  });
  afterAll(() => tracing?.shutdown());

  it("a published call exports its tools/call span, the run's model call and the tool call, in one trace", async () => {
    const { app, result } = await callAgent("Secret question 2 + 3");
    expect(result.isError).toBeFalsy();
    await tracing.flush();

    expect(receiver.requests.every((r) => r.path === "/v1/traces" && r.contentType?.startsWith("application/json"))).toBe(true);
    const call = receiver.spans.find((s) => s.name === "tools/call weather_helper" && s.attributes["switchyard.app.id"] === app.id);
    expect(call).toMatchObject({
      service: "switchyard-test",
      kind: 2, // SERVER
      attributes: { "mcp.method.name": "tools/call", "gen_ai.tool.name": "weather_helper", "switchyard.call.outcome": "ok", "switchyard.server": "app" },
    });
    const trace = receiver.spans.filter((s) => s.traceId === call!.traceId);
    // The model call with the app's id (generateText: a published call without progress is asked for whole).
    const model = trace.find((s) => s.name === "ai.generateText.doGenerate");
    expect(model?.attributes).toMatchObject({ "ai.telemetry.metadata.appId": app.id, "ai.telemetry.functionId": "switchyard.agent" });
    const toolCall = trace.find((s) => s.name === "ai.toolCall");
    expect(toolCall?.attributes).toMatchObject({ "ai.toolCall.name": "test__add", "switchyard.tool.source_name": "add", "switchyard.tool.server_id": expect.any(String) });
    // Nested under the call: its parent chain reaches the tools/call span.
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    let parent = toolCall!.parentSpanId;
    while (parent && parent !== call!.spanId) parent = byId.get(parent)?.parentSpanId ?? null;
    expect(parent).toBe(call!.spanId);
    // Neither prompts, answers nor tool arguments leave by default.
    const everything = JSON.stringify(trace.map((s) => s.attributes));
    expect(everything).not.toContain("Secret question");
    expect(everything).not.toContain("It is 5");
    expect(trace.some((s) => "ai.toolCall.args" in s.attributes || "ai.prompt.messages" in s.attributes)).toBe(false);
  });

  it("a streamed run (Debug & Preview) exports its model call and its tool call with the server and the tool's name", async () => {
    const testApp = await createTestApp("agent");
    const { client, tools: runtimeTools } = await connectTestTools(tools);
    try {
      h.llm.script([{ toolCalls: [{ name: "test__add", arguments: { a: 4, b: 5 } }] }, { text: "Nine." }]);
      const { result } = await runTestApp(testApp, h.llm, { query: "4 + 5?", tools: runtimeTools });
      expect(result.status).toBe("completed");
    } finally {
      await client.close();
    }
    await tracing.flush();
    const run = receiver.spans.filter((s) => s.attributes["ai.telemetry.metadata.appId"] === testApp.app.id);
    expect(run.filter((s) => s.name === "ai.streamText.doStream")).toHaveLength(2);
    const toolCall = receiver.spans.find((s) => s.name === "ai.toolCall" && run.some((r) => r.traceId === s.traceId));
    expect(toolCall?.attributes).toMatchObject({ "ai.toolCall.name": "test__add", "switchyard.tool.server_id": testServerId, "switchyard.tool.source_name": "add" });
  });

  it("a call to a tool the server does not have exports a span with that outcome", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const client = await h.connect(url);
    await expect(client.callTool({ name: "no_such_tool", arguments: {} })).rejects.toThrow(/Unknown tool/);
    await tracing.flush();
    expect(receiver.spans.some((s) => s.name.includes("no_such_tool"))).toBe(false);
    const span = receiver.spans.find((s) => s.name === "tools/call" && s.attributes["gen_ai.tool.name"] === "no_such_tool");
    expect(span?.attributes["switchyard.call.outcome"]).toBe("unknown_tool");
    expect(span?.statusCode).toBe(2); // ERROR
  });
});

describe("the metrics route", () => {
  const token = "metrics-token-for-tests-0123456789";
  const ask = (configured: string | undefined, headers: Record<string, string>) =>
    metricsResponse(new Request("http://localhost/api/metrics", { headers }), { token: configured });
  const scrape = (headers: Record<string, string> = {}) => ask(token, headers);
  const sample = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}"]/g, "\\$&")} (\\S+)$`, "m").exec(text)?.[1] ?? 0);

  it("answers 404 while METRICS_TOKEN is unset", async () => {
    expect((await metricsResponse(new Request("http://localhost/api/metrics", { headers: { authorization: `Bearer ${token}` } }))).status).toBe(404);
    expect((await ask(undefined, { authorization: `Bearer ${token}` })).status).toBe(404);
  });

  it("answers 401 without the bearer token or with a wrong one", async () => {
    for (const headers of [{} as Record<string, string>, { authorization: "Bearer wrong-token" }, { authorization: `Basic ${token}` }, { authorization: `Bearer ${token}x` }]) {
      const response = await scrape(headers);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
      expect(await response.text()).not.toContain("switchyard_");
    }
  });

  it("answers the Prometheus text format, and the call counters move after a published call", async () => {
    const before = await scrape({ authorization: `Bearer ${token}` });
    expect(before.status).toBe(200);
    expect(before.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const first = await before.text();
    await callAgent();
    const after = await (await scrape({ authorization: `Bearer ${token}` })).text();
    expect(sample(after, 'switchyard_published_calls_total{outcome="ok"}')).toBe(sample(first, 'switchyard_published_calls_total{outcome="ok"}') + 1);
    expect(sample(after, 'switchyard_runs_total{status="completed"}')).toBe(sample(first, 'switchyard_runs_total{status="completed"}') + 1);
    expect(sample(after, "switchyard_published_calls_in_flight")).toBe(0);
    expect(sample(after, "switchyard_runs_in_flight")).toBe(0);
    expect(after).toMatch(/^# TYPE switchyard_published_call_errors_total counter$/m);
    expect(after).toMatch(/^switchyard_db_pool_max_connections \d+$/m);
    expect(after).toMatch(/^switchyard_published_call_duration_seconds_count\{outcome="ok"\} \d+$/m);
  });

  it("fuzzed Authorization headers never get the metrics, a 500 or a library's words", async () => {
    const header = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`), fc.constant(`Bearer  ${token.slice(0, -1)}`));
    await fc.assert(
      fc.asyncProperty(header, async (value) => {
        let headers: Record<string, string>;
        try {
          headers = { authorization: new Headers({ authorization: value }).get("authorization")! };
        } catch {
          return; // Not a value an HTTP client can send.
        }
        if (headers.authorization.trim() === `Bearer ${token}`) return;
        const response = await scrape(headers);
        expect([401, 429]).toContain(response.status);
        expect(await response.text()).not.toMatch(/switchyard_|TypeError|at \//);
      }),
      { numRuns: 200 },
    );
  });
});
