// Which client a published server's cancellation belongs to counts the address that connected: someone elsewhere who
// knows (or guesses) a request id cannot stop another client's call by sending the same user agent and claiming the
// other client's address in X-Forwarded-For.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installPeerAddressHook } from "@/server/client-address/peer-address-hook";
import { createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";

let endpoint: TestEndpoint;
let llm: ScriptedLlm;
beforeAll(async () => {
  installPeerAddressHook(); // as instrumentation.ts does in `next start`
  [endpoint, llm] = await Promise.all([startTestEndpoint(), startScriptedLlm()]);
});
afterAll(() => Promise.all([endpoint.close(), llm.close()]));

function post(url: string, from: string, message: unknown, headers: Record<string, string> = {}) {
  const { hostname, port, pathname } = new URL(url);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        path: pathname,
        method: "POST",
        localAddress: from,
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-06-18", ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(message));
  });
}

const call = (id: number) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "weather_helper", arguments: { query: "Slowly." } } });
const cancel = (requestId: number) => ({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId, reason: "stop" } });

describe("cancelling a published server's call", () => {
  it("a cancellation from another address does not stop someone else's call, even claiming that address", async () => {
    const { url } = await createPublishedApp(endpoint, llm);
    llm.script([{ text: "Slow but sure.", delayMs: 1_500 }]);
    const running = post(url, "127.0.0.2", call(7));
    await expect.poll(() => llm.requests.length).toBe(1);
    expect((await post(url, "127.0.0.3", cancel(7))).status).toBe(202);
    expect((await post(url, "127.0.0.3", cancel(7), { "x-forwarded-for": "127.0.0.2" })).status).toBe(202);
    const answer = JSON.parse((await running).text) as { result?: { structuredContent?: { answer?: string } } };
    expect(answer.result?.structuredContent?.answer).toBe("Slow but sure.");
    expect(llm.abortedRequests).toEqual([]);
  });

  it("the same client, from its own address, still cancels its own call", async () => {
    const { url } = await createPublishedApp(endpoint, llm);
    const before = llm.requests.length;
    llm.script([{ text: "Never finished.", delayMs: 10_000 }]);
    const running = post(url, "127.0.0.4", call(8));
    await expect.poll(() => llm.requests.length).toBe(before + 1);
    expect((await post(url, "127.0.0.4", cancel(8))).status).toBe(202);
    await expect.poll(() => llm.abortedRequests).toEqual([before]);
    await running.catch(() => null);
  });
});
