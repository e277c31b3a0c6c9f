// Benchmark baseline (npm run bench): what most products do, a fresh SDK server and transport on every request.
// Off unless the server was started with BENCH_ROUTES=1, so production deployments never expose it.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { z } from "zod";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  if (process.env.BENCH_ROUTES !== "1") return new Response(null, { status: 404 });
  const server = new McpServer({ name: "naive", version: "1.0.0" });
  server.registerTool("echo", { description: "Echoes its input.", inputSchema: { query: z.string() } }, async ({ query }) => ({
    content: [{ type: "text", text: query }],
  }));
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  return transport.handleRequest(req);
}
