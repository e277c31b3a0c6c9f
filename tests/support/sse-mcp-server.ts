// An MCP server that speaks only the legacy HTTP+SSE transport (2024-11-05, deprecated since 2026-07-28): the v1
// SDK's SSEServerTransport. GET /mcp opens the stream, whose `endpoint` event names where to POST; a POST to /mcp
// itself is refused with 405, as such servers answer. Records each request so a test can read the fallback order.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";
import { z } from "zod";
import { readOnly } from "./tool-hints";

export interface SseMcpServer {
  url: string;
  /** "POST /mcp server/discover", "GET /mcp", ... in the order they arrived. */
  requests: string[];
  close(): Promise<void>;
}

export async function startSseMcpServer(): Promise<SseMcpServer> {
  const requests: string[] = [];
  const transports = new Map<string, SSEServerTransport>();
  const http = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "GET" && url.pathname === "/mcp") {
      requests.push("GET /mcp");
      const transport = new SSEServerTransport("/messages", res);
      transports.set(transport.sessionId, transport);
      res.on("close", () => transports.delete(transport.sessionId));
      const server = new McpServer({ name: "switchyard-sse-tools", version: "0.9.0" });
      server.registerTool("echo", { description: "Repeat the text.", annotations: readOnly, inputSchema: { text: z.string() } }, ({ text }) => ({ content: [{ type: "text", text }] }));
      // Never answers, so the GET stream every answer comes on goes silent (the SSE read timeout's test).
      server.registerTool("stall", { description: "Never answers.", annotations: readOnly }, () => new Promise<never>(() => {}));
      await server.connect(transport);
      return;
    }
    if (req.method === "POST" && url.pathname === "/messages") {
      const transport = transports.get(url.searchParams.get("sessionId") ?? "");
      if (!transport) return void res.writeHead(404).end();
      requests.push("POST /messages");
      return transport.handlePostMessage(req, res);
    }
    let body = "";
    for await (const chunk of req) body += String(chunk);
    const method = (() => {
      try {
        return (JSON.parse(body) as { method?: string }).method ?? "";
      } catch {
        return "";
      }
    })();
    requests.push(`${req.method} ${url.pathname} ${method}`.trim());
    res.writeHead(405, { allow: "GET" }).end();
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
