// A 2026-07-28-only MCP server: the SDK v2's createMcpHandler with `legacy: 'reject'`, so a 2025 `initialize`
// is refused and only a client that discovers (`server/discover`) and sends the per-request `_meta` gets through.
// Records what reached it: methods, the Mcp-Method header, session ids (there must be none) and header values.
import { setTimeout as sleep } from "node:timers/promises";
import { createMcpHandler, McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { startWebHandlerServer } from "./web-handler-server";
import { readOnly } from "./tool-hints";

export interface ModernMcpServer {
  url: string;
  /** JSON-RPC methods of the POSTs received, in order. */
  methods: string[];
  /** HTTP methods received other than POST (a stateless server gets no GET stream and no DELETE). */
  otherRequests: string[];
  /** Mcp-Session-Id values seen on requests (none expected: 2026-07-28 has no sessions). */
  sessionIds: string[];
  /** The value of one header on each POST, to check custom headers reach the server. */
  headerValues: (string | null)[];
  cancelled: string[];
  close(): Promise<void>;
}

function buildServer(cancelled: string[]) {
  const server = new McpServer({ name: "switchyard-modern-tools", version: "2.0.0" });
  const text = (value: string) => ({ content: [{ type: "text" as const, text: value }] });
  server.registerTool("echo", { title: "Echo", description: "Repeat the text.", annotations: readOnly, inputSchema: z.object({ text: z.string() }) }, ({ text: value }) => text(value));
  server.registerTool("add", { title: "Add", description: "Add two numbers.", annotations: readOnly, inputSchema: z.object({ a: z.number(), b: z.number() }) }, ({ a, b }) =>
    text(String(a + b)),
  );
  server.registerTool(
    "slow",
    { title: "Slow", description: "Waits, then answers.", annotations: readOnly, inputSchema: z.object({ ms: z.number().int().min(0).max(60_000) }) },
    async ({ ms }, ctx) => {
      const signal = ctx.mcpReq.signal;
      try {
        await sleep(ms, undefined, { signal });
      } catch {
        cancelled.push("slow");
        return { ...text("Cancelled."), isError: true };
      }
      return text(`Waited ${ms} ms.`);
    },
  );
  return server;
}

export async function startModernMcpServer({ watchHeader = "x-api-key" }: { watchHeader?: string } = {}): Promise<ModernMcpServer> {
  const record = { methods: [] as string[], otherRequests: [] as string[], sessionIds: [] as string[], headerValues: [] as (string | null)[], cancelled: [] as string[] };
  const handler = createMcpHandler(() => buildServer(record.cancelled), { legacy: "reject" });
  const http = await startWebHandlerServer(async (request) => {
    const session = request.headers.get("mcp-session-id");
    if (session) record.sessionIds.push(session);
    if (request.method !== "POST") {
      record.otherRequests.push(request.method);
    } else {
      record.headerValues.push(request.headers.get(watchHeader));
      const body = (await request.clone().json().catch(() => null)) as { method?: string } | null;
      if (body?.method) record.methods.push(body.method);
    }
    return handler.fetch(request);
  });
  return {
    url: `${http.origin}/mcp`,
    ...record,
    close: async () => {
      await http.close();
      await handler.close();
    },
  };
}
