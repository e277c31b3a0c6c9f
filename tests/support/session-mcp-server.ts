// A stateful 2025 MCP server: the v1 SDK's StreamableHTTPServerTransport with a session id generator, one
// transport per session (spec 2025-11-25 "Transports", Session Management). It counts the sessions opened and the
// DELETEs that end them, so a test can see whether a client keeps one session and closes it.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { z } from "zod";
import { readOnly } from "./tool-hints";
import { readJsonBody } from "./read-json-body";

export interface SessionMcpServer {
  url: string;
  /** Session ids in the order they were opened by `initialize`. */
  opened: string[];
  /** Session ids a client ended with DELETE. */
  deleted: string[];
  /** JSON-RPC methods received, with the session they came on ("" before one exists). */
  methods: { method: string; session: string }[];
  /** Sessions still open on the server. */
  open(): number;
  close(): Promise<void>;
}

function buildServer() {
  const server = new McpServer({ name: "switchyard-session-tools", version: "1.0.0" }, { capabilities: { tools: { listChanged: true } } });
  const text = (value: string) => ({ content: [{ type: "text" as const, text: value }] });
  server.registerTool("echo", { title: "Echo", description: "Repeat the text.", annotations: readOnly, inputSchema: { text: z.string() } }, ({ text: value }) => text(value));
  server.registerTool("add", { title: "Add", description: "Add two numbers.", annotations: readOnly, inputSchema: { a: z.number(), b: z.number() } }, ({ a, b }) =>
    text(String(a + b)),
  );
  server.registerTool("wait", { title: "Wait", description: "Waits, then answers.", annotations: readOnly, inputSchema: { ms: z.number().int().min(0).max(60_000) } }, async ({ ms }, extra) => {
    await sleep(ms, undefined, { signal: extra.signal }).catch(() => {});
    return text(`Waited ${ms} ms.`);
  });
  server.registerTool("rearrange", { title: "Rearrange", description: "Changes the server's tools.", annotations: readOnly, inputSchema: {} }, async (_args, extra) => {
    // On the call's own response stream, before its result: the client hears it while the call is still open.
    await extra.sendNotification({ method: "notifications/tools/list_changed" });
    return text("Tools rearranged.");
  });
  server.registerTool("announce", { title: "Announce", description: "Announces a tools change on the session's GET stream.", annotations: readOnly, inputSchema: {} }, async () => {
    // No related request: the SDK sends it on the session's standalone GET stream, apart from this call.
    await server.server.sendToolListChanged();
    await sleep(300);
    return text("Announced.");
  });
  return server;
}

export async function startSessionMcpServer(): Promise<SessionMcpServer> {
  const opened: string[] = [];
  const deleted: string[] = [];
  const methods: { method: string; session: string }[] = [];
  const transports = new Map<string, StreamableHTTPServerTransport>();

  const http = createServer(async (req, res) => {
    const session = String(req.headers["mcp-session-id"] ?? "");
    const body = req.method === "POST" ? await readJsonBody(req).catch(() => undefined) : undefined;
    const method = (body as { method?: string } | undefined)?.method;
    if (method) methods.push({ method, session });
    let transport = session ? transports.get(session) : undefined;
    if (session && !transport) return void res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32001, message: "Session not found" } }));
    if (req.method === "DELETE" && session) deleted.push(session);
    if (!transport) {
      if (method !== "initialize") {
        // What the SDK answers a request without a session: a 2026 `server/discover` probe lands here.
        return void res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32000, message: "Bad Request: No valid session ID provided" } }));
      }
      const fresh = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => {
          opened.push(id);
          transports.set(id, fresh);
        },
        onsessionclosed: (id) => void transports.delete(id),
      });
      await buildServer().connect(fresh);
      transport = fresh;
    }
    await transport.handleRequest(req, res, body);
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
    opened,
    deleted,
    methods,
    open: () => transports.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const transport of transports.values()) void transport.close();
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
