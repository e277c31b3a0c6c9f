// Benchmark peer for the in-flight section (npm run bench): the bare MCP SDK on node:http, a server and transport built
// per request, whose one tool makes the same streamed model request our app makes. No storage, no auth, no log: the
// floor a published, model-backed call can reach on this machine. Reads BENCH_MODEL_URL; prints its port.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { z } from "zod";

const modelUrl = `${process.env.BENCH_MODEL_URL}/v1/chat/completions`;

/** The model's streamed answer, joined: the same chat completions request an app's run sends. */
async function askModel(query: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(modelUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "bench-model", stream: true, messages: [{ role: "system", content: "Answer briefly." }, { role: "user", content: query }] }),
    signal,
  });
  if (!response.ok || !response.body) throw new Error(`the model answered ${response.status}`);
  let text = "";
  let pending = "";
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    pending += decoder.decode(chunk.value, { stream: true });
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith("data: {")) continue;
      text += JSON.parse(line.slice(6)).choices?.[0]?.delta?.content ?? "";
    }
  }
  return text;
}

const server = createServer(async (req, res) => {
  if (req.method !== "POST") return void res.writeHead(405).end();
  const mcp = new McpServer({ name: "bench-peer", version: "1.0.0" });
  mcp.registerTool("bench", { description: "Answers a question.", inputSchema: { query: z.string() } }, async ({ query }, extra) => ({
    content: [{ type: "text", text: await askModel(query, extra.signal) }],
  }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  res.on("close", () => void mcp.close());
  await mcp.connect(transport);
  await transport.handleRequest(req, res);
});
// Thousands of waiting callers: the default backlog (511) would refuse a burst of new connections.
server.listen({ port: Number(process.env.PORT ?? 0), host: "127.0.0.1", backlog: 8192 }, () => console.log(`PORT=${(server.address() as AddressInfo).port}`));
