// The HTTP request node against a real HTTP server on 127.0.0.1: rendered method, URL, headers and body; any status
// as an output; JSON parsed; header values kept out of the trace; a time limit and a size cap; and, with private
// networks not allowed (a hosted deployment), loopback and metadata addresses refused before anything is sent.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { httpLimits, runHttp } from "@/server/workflows/nodes/http";
import { NodeError } from "@/server/workflows/nodes/node-executor";
import { nodeContext, nodeOf } from "../support/node-context";

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

let server: Server;
let base: string;
const seen: Seen[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const path = new URL(req.url!, "http://x").pathname;
      if (path === "/orders") return res.writeHead(201, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify({ id: 7, echo: body }));
      if (path === "/text") return res.writeHead(200, { "content-type": "text/plain" }).end('{"looks":"like json"}');
      if (path === "/missing") return res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
      if (path === "/huge") {
        // Streamed without a length, so the cap is met while reading.
        res.writeHead(200, { "content-type": "text/plain" });
        for (let i = 0; i < 12; i++) res.write("x".repeat(100_000));
        return res.end();
      }
      if (path === "/slow") return setTimeout(() => !res.destroyed && res.end("late"), 2_000);
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

const ctx = (outputs: Record<string, Record<string, unknown>> = {}) => nodeContext({ workspaceId: "ws", outputs });
const httpNode = (data: Record<string, unknown>) => nodeOf("http", data);

describe("HTTP request node", () => {
  it("sends the rendered request, outputs status, body and parsed JSON, and shows header names but not their values", async () => {
    const node = httpNode({
      method: "POST",
      url: `${base}/orders?city={{start.city}}`,
      headers: [
        { name: "Authorization", value: "Bearer {{start.token}}" },
        { name: "Content-Type", value: "application/json" },
      ],
      body: '{"items": {{code_1.items}}}',
    });
    const result = await runHttp(node, ctx({ start: { city: "Oslo", token: "tok-secret-123" }, code_1: { items: [1, 2] } }));
    expect(result.outputs).toEqual({ status: 201, body: JSON.stringify({ id: 7, echo: '{"items": [1,2]}' }), json: { id: 7, echo: '{"items": [1,2]}' } });
    expect(seen.at(-1)).toMatchObject({ method: "POST", url: "/orders?city=Oslo", body: '{"items": [1,2]}', headers: expect.objectContaining({ authorization: "Bearer tok-secret-123" }) });
    expect(result.inputs).toEqual({ method: "POST", url: `${base}/orders?city=Oslo`, headers: ["Authorization", "Content-Type"], body: '{"items": [1,2]}' });
    expect(JSON.stringify(result)).not.toContain("tok-secret-123");
  });

  it("any status is an output, and only a JSON answer is parsed", async () => {
    expect((await runHttp(httpNode({ url: `${base}/missing` }), ctx())).outputs).toEqual({ status: 404, body: '{"error":"not found"}', json: { error: "not found" } });
    expect((await runHttp(httpNode({ url: `${base}/text` }), ctx())).outputs).toEqual({ status: 200, body: '{"looks":"like json"}', json: undefined });
  });

  it("an answer over 1 MB fails the node instead of being read whole", async () => {
    await expect(runHttp(httpNode({ url: `${base}/huge` }), ctx())).rejects.toThrow(/^The answer from 127\.0\.0\.1:\d+ is larger than 1 MB\./);
  });

  it("a server that does not answer in time fails the node with the limit", async () => {
    const saved = httpLimits.timeoutMs;
    httpLimits.timeoutMs = 300;
    try {
      await expect(runHttp(httpNode({ url: `${base}/slow` }), ctx())).rejects.toThrow(/^127\.0\.0\.1:\d+ did not answer within 0\.3 s\.$/);
    } finally {
      httpLimits.timeoutMs = saved;
    }
  });

  it("a bad URL or an unreachable server fails the node with what to check", async () => {
    await expect(runHttp(httpNode({ url: "{{start.missing}}" }), ctx())).rejects.toThrow("Enter the URL to request.");
    await expect(runHttp(httpNode({ url: "example.com/x" }), ctx())).rejects.toThrow(/is not a full URL/);
    await expect(runHttp(httpNode({ url: "ftp://example.com/x" }), ctx())).rejects.toThrow(/Only http:\/\/ and https:\/\//);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(runHttp(httpNode({ url: `http://127.0.0.1:${port}/` }), ctx())).rejects.toThrow(/^Could not reach 127\.0\.0\.1:\d+: the connection was refused\./);
  });

  it("stopping the run stops the request, and the stop is not reported as the node's failure", async () => {
    const stop = new AbortController();
    const running = runHttp(httpNode({ url: `${base}/slow` }), nodeContext({ workspaceId: "ws", signal: stop.signal }));
    setTimeout(() => stop.abort(), 100);
    expect(await running.catch((e: unknown) => e)).not.toBeInstanceOf(NodeError);
  });
});

describe("with private networks not allowed (a hosted deployment)", () => {
  // The address policy is read from the environment when the modules load, so they are loaded afresh here.
  async function loadStrict() {
    vi.resetModules();
    vi.stubEnv("MCP_ALLOW_PRIVATE_NETWORK", "false");
    try {
      return await import("@/server/workflows/nodes/http");
    } finally {
      vi.unstubAllEnvs();
    }
  }

  it("a loopback, private or metadata address is refused with what to do, and nothing is sent", async () => {
    const strict = await loadStrict();
    const before = seen.length;
    for (const url of [`${base}/orders`, "http://169.254.169.254/latest/meta-data/", "http://10.0.0.8/", "http://[::ffff:127.0.0.1]:8080/"]) {
      const failure = (await strict.runHttp(httpNode({ url }), ctx()).catch((e: unknown) => e)) as Error;
      expect(failure.name, url).toBe("NodeError");
      expect(failure.message, url).toMatch(/points at a private or reserved network address.*MCP_ALLOW_PRIVATE_NETWORK=true/);
    }
    expect(seen.length).toBe(before);
  });
});
