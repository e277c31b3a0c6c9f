// A real MCP server for tests: the SDK's McpServer over stateless Streamable HTTP on 127.0.0.1.
// Spec: https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { z } from "zod";
import { registerMcpAppTools } from "./mcp-app-tools";
import { registerRichResultTools } from "./rich-result-tools";
import { readOnly } from "./tool-hints";
import { readJsonBody } from "./read-json-body";

export interface TestMcpServerOptions {
  /** Extra tools `extra_1` ... `extra_N`, each echoing its text. */
  extraTools?: number;
  /** Tools per tools/list page; the rest follow through `nextCursor`. Default: all on one page. */
  pageSize?: number;
  /** Headers every request must carry (else 401), to check that custom headers reach the server. */
  requiredHeaders?: Record<string, string>;
  /** A tools/call of this name makes the server drop the connection mid-call, as a crashing server would. */
  dieOnTool?: string;
  /** Also the tools with images and long results (rich-result-tools.ts). */
  richResults?: boolean;
  /** Also a tool with an MCP App and its ui:// resource (mcp-app-tools.ts). */
  mcpApp?: boolean;
}

export interface TestMcpServer {
  url: string;
  /** The texts `save_note` stored, in order: a tool that changes things, so it asks first (shared/asks-first.ts). */
  notes: string[];
  /** Names of tool calls whose handler saw its request cancelled. */
  cancelled: string[];
  /** The capabilities each initialize request declared, in order. */
  clientCapabilities: unknown[];
  /** JSON-RPC methods received, in order (to count initializations). */
  methods: string[];
  close(): Promise<void>;
}

type Handler = (request: { params?: { cursor?: string } }, extra: unknown) => Promise<{ tools: unknown[] }>;

function buildServer(options: TestMcpServerOptions, { cancelled, notes }: { cancelled: string[]; notes: string[] }): McpServer {
  const server = new McpServer({ name: "switchyard-test-tools", version: "1.0.0" });
  const text = (value: string) => ({ content: [{ type: "text" as const, text: value }] });

  server.registerTool("add", { title: "Add", description: "Add two numbers.", annotations: readOnly, inputSchema: { a: z.number(), b: z.number() } }, ({ a, b }) =>
    text(String(a + b)),
  );
  server.registerTool("echo", { title: "Echo", description: "Repeat the text.", annotations: readOnly, inputSchema: { text: z.string() } }, ({ text: value }) =>
    text(value),
  );
  server.registerTool(
    "get_weather",
    { title: "Get weather", description: "Current weather for a city.", annotations: readOnly, inputSchema: { city: z.string() } },
    ({ city }) => text(`city: ${city}\ntemperature: 18 °C\nconditions: light rain`),
  );
  server.registerTool("fail", { title: "Fail", description: "Always fails.", annotations: readOnly, inputSchema: {} }, () => ({
    ...text("The weather service is unavailable (upstream returned 503)."),
    isError: true,
  }));
  server.registerTool(
    "slow",
    { title: "Slow", description: "Waits, then answers.", annotations: readOnly, inputSchema: { ms: z.number().int().min(0).max(60_000) } },
    async ({ ms }, extra) => {
      try {
        await sleep(ms, undefined, { signal: extra.signal });
      } catch {
        cancelled.push("slow");
        return { ...text("Cancelled."), isError: true };
      }
      return text(`Waited ${ms} ms.`);
    },
  );
  // No annotations: by MCP's defaults it may change and destroy things.
  server.registerTool("save_note", { title: "Save note", description: "Stores a note.", inputSchema: { text: z.string() } }, ({ text: value }) => {
    notes.push(value);
    return text(`Saved: ${value}`);
  });
  for (let i = 1; i <= (options.extraTools ?? 0); i++) {
    server.registerTool(`extra_${i}`, { description: `Extra tool ${i}.`, annotations: readOnly, inputSchema: { text: z.string() } }, ({ text: value }) =>
      text(`extra_${i}: ${value}`),
    );
  }

  if (options.richResults) registerRichResultTools(server);
  if (options.mcpApp) registerMcpAppTools(server);

  if (options.pageSize) {
    // McpServer always lists every tool on one page; cut its answer into pages so clients must follow nextCursor.
    const handlers = (server.server as unknown as { _requestHandlers: Map<string, Handler> })._requestHandlers;
    const listAll = handlers.get("tools/list")!;
    const size = options.pageSize;
    handlers.set("tools/list", async (request, extra) => {
      const { tools } = await listAll(request, extra);
      const start = Number(request.params?.cursor ?? 0);
      const next = start + size;
      return { tools: tools.slice(start, next), ...(next < tools.length ? { nextCursor: String(next) } : {}) };
    });
  }
  return server;
}

export async function startTestMcpServer(options: TestMcpServerOptions = {}): Promise<TestMcpServer> {
  const cancelled: string[] = [];
  const notes: string[] = [];
  const methods: string[] = [];
  const clientCapabilities: unknown[] = [];
  // Stateless: each POST gets its own server, so a `notifications/cancelled` arrives at a different one than the
  // request it cancels. Route it by JSON-RPC id (unique enough for one test's client at a time).
  const inFlight = new Map<string, McpServer>();

  const httpServer = createServer(async (req, res) => {
    if (req.method !== "POST") {
      res.writeHead(405, { Allow: "POST" }).end();
      return;
    }
    for (const [name, value] of Object.entries(options.requiredHeaders ?? {})) {
      if (req.headers[name.toLowerCase()] !== value) {
        res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: "missing or wrong header" }));
        return;
      }
    }
    try {
      const body = (await readJsonBody(req)) as { id?: string | number; method?: string; params?: { requestId?: string | number } };
      if (body.method) methods.push(body.method);
      if (body.method === "initialize") clientCapabilities.push((body.params as { capabilities?: unknown } | undefined)?.capabilities);
      if (body.method === "tools/call" && (body.params as { name?: string } | undefined)?.name === options.dieOnTool) {
        req.socket.destroy();
        return;
      }
      if (body.method === "notifications/cancelled") await inFlight.get(String(body.params?.requestId))?.close();
      const server = buildServer(options, { cancelled, notes });
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      const id = body.method && body.id !== undefined ? String(body.id) : null;
      if (id) inFlight.set(id, server);
      res.on("close", () => {
        if (id && inFlight.get(id) === server) inFlight.delete(id);
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, body);
    } catch {
      if (!res.headersSent) res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } }));
    }
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = httpServer.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/mcp`,
    cancelled,
    notes,
    clientCapabilities,
    methods,
    close: () =>
      new Promise<void>((resolve) => {
        httpServer.closeAllConnections();
        httpServer.close(() => resolve());
      }),
  };
}
