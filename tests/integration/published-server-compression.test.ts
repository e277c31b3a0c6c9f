// Published answers ask Next.js not to gzip them (handle-request.ts uncompressed): a zlib stream per answer cost CPU
// and memory per call in flight, for answers of a few hundred bytes.
import { describe, expect, it } from "vitest";
import { createPublishedApp } from "../support/published-app";
import { useEndpointHarness } from "../support/endpoint-harness";

const h = useEndpointHarness();

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-06-18" },
    body: JSON.stringify(body),
  });
const call = (extra: object) => ({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "weather_helper", arguments: { query: "Hi" }, ...extra } });

describe("published answers and compression", () => {
  it("a JSON answer, an SSE answer and a refusal all carry no-transform, keeping the cache directives they had", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    h.llm.script([{ text: "Sunny." }, { text: "Sunny." }]);
    const json = await post(url, call({}));
    const sse = await post(url, call({ _meta: { progressToken: "p1" } }));
    const unknown = await post(`${url.slice(0, -"/mcp".length)}x/mcp`, call({}));
    await Promise.all([json.text(), sse.text(), unknown.text()]);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(sse.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(unknown.status).toBe(404);
    for (const response of [json, sse]) expect(response.headers.get("cache-control")).toMatch(/(^|, )no-transform$/);
    expect(unknown.headers.get("cache-control")).toBe("no-store, no-transform");
  });
});
