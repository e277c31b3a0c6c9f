// Every limit counts the thing it limits: a console API batch holds at most 10 procedures and each of them counts
// against the API key's budget; each message of a JSON-RPC batch counts against the published server's limit. The
// peers count what reached them, so "refused" means nothing ran.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyCallsPerMinute } from "@/server/api/context";
import { getKv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { maxBatchSize } from "@/shared/batch-size";
import { routeFetch } from "../support/console-http";
import { callerAs, createOwner } from "../support/fixtures";
import { createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";

/** An outbound peer that answers 404 and remembers which test connection (the path's last segment) reached it. */
let peer: Server;
let peerUrl: string;
const reached = new Set<string>();
beforeAll(async () => {
  peer = createServer((req, res) => {
    reached.add(req.url!.split("/").pop()!);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => peer.listen(0, "127.0.0.1", resolve));
  peerUrl = `http://127.0.0.1:${(peer.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => peer.close(() => resolve())));

async function ownerWithKey() {
  const { user, workspace } = await createOwner("batcher");
  const { key, id } = await callerAs(user.id, workspace.id).apiKeys.create({ name: "script", role: "owner" });
  return { key, apiKeyId: id, caller: callerAs(user.id, workspace.id) };
}

/** One POST carrying `n` testConnection calls, each to its own path on the peer. */
function testConnectionBatch(key: string, n: number, tag: string) {
  const paths = Array.from({ length: n }, () => "mcpServers.testConnection").join(",");
  const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: { connection: { url: `${peerUrl}/mcp/${tag}-${i}`, headers: [] } } }]));
  return routeFetch(`http://localhost/api/trpc/${paths}?batch=1`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(input),
  });
}

const reachedWith = (tag: string) => [...reached].filter((id) => id.startsWith(`${tag}-`)).length;

describe("console API batches", () => {
  it("a batch of more than 10 procedures is refused with a clear message and none of them runs", async () => {
    const { key } = await ownerWithKey();
    const response = await testConnectionBatch(key, 100, "hundred");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "bad_request:batch", message: expect.stringContaining(`at most ${maxBatchSize} procedures`) });
    expect(reachedWith("hundred")).toBe(0);
  });

  it("a batch of exactly 10 runs all ten", async () => {
    const { key } = await ownerWithKey();
    const response = await testConnectionBatch(key, maxBatchSize, "ten");
    expect(response.status).toBe(200);
    expect(reachedWith("ten")).toBe(maxBatchSize);
  });

  it("each procedure of a batch counts against the API key's limit: with 3 calls left a batch of 4 is refused whole", async () => {
    const { key, apiKeyId } = await ownerWithKey();
    const kv = getKv();
    for (let i = 0; i < apiKeyCallsPerMinute - 3; i++) await kv.incr(kvKeys.rateLimit("api_key_use", apiKeyId), 60);

    const refused = await testConnectionBatch(key, 4, "four");
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: "rate_limit:api_key_use" });
    expect(reachedWith("four")).toBe(0);
  });

  it("a batch that fits in what is left runs, and then the key's budget is spent", async () => {
    const { key, apiKeyId } = await ownerWithKey();
    const kv = getKv();
    for (let i = 0; i < apiKeyCallsPerMinute - 3; i++) await kv.incr(kvKeys.rateLimit("api_key_use", apiKeyId), 60);

    expect((await testConnectionBatch(key, 3, "three")).status).toBe(200);
    expect(reachedWith("three")).toBe(3);
    expect((await testConnectionBatch(key, 1, "one-more")).status).toBe(429);
    expect(reachedWith("one-more")).toBe(0);
  });
});

describe("JSON-RPC batches at a published server", () => {
  let endpoint: TestEndpoint;
  let llm: ScriptedLlm;
  beforeAll(async () => {
    [endpoint, llm] = await Promise.all([startTestEndpoint({ rateLimit: { limit: 3, windowSeconds: 60 } }), startScriptedLlm({ fallback: { text: "Sunny." } })]);
  });
  afterAll(async () => {
    await settleCallLogs();
    await Promise.all([endpoint.close(), llm.close()]);
  });

  const call = (id: number) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "weather_helper", arguments: { query: `q${id}` } } });
  const post = (url: string, body: unknown) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-03-26" }, body: JSON.stringify(body) });

  it("with a limit of 3, a batch of 4 tool calls is refused whole and the model hears nothing", async () => {
    const { url } = await createPublishedApp(endpoint, llm);
    const before = llm.requests.length;
    const response = await post(url, [call(1), call(2), call(3), call(4)]);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBeTruthy();
    expect(llm.requests.length).toBe(before);
  });

  it("with a limit of 3, a batch of 3 runs, and the next request is refused", async () => {
    const { url } = await createPublishedApp(endpoint, llm);
    const before = llm.requests.length;
    const response = await post(url, [call(1), call(2), call(3)]);
    expect(response.status).toBe(200);
    // A batch holding a call is answered over SSE (a cancelled call's answer can then be left out): one event each.
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const answers = (await response.text()).split("\n").filter((line) => line.startsWith("data: ")).map((line) => JSON.parse(line.slice(6)));
    expect(answers.map((a: { id: number }) => a.id).sort()).toEqual([1, 2, 3]);
    expect(llm.requests.length - before).toBe(3);
    expect((await post(url, call(4))).status).toBe(429);
    expect(llm.requests.length - before).toBe(3);
  });
});
