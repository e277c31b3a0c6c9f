// An MCP server (2025 era) that connects and lists one tool properly, then misbehaves on tools/call in the way its URL asks:
// /hang (never answers), /reset (drops the connection), /malformed (not JSON-RPC), /endless (an SSE stream of
// keep-alives that never carries the result), /stall (an SSE stream that sends one keep-alive, then nothing). Hand-written on purpose: no real SDK server can be told to break.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Misbehaviour = "hang" | "reset" | "malformed" | "endless" | "stall";

const tool = { name: "lookup", description: "Looks something up.", inputSchema: { type: "object", properties: { q: { type: "string" } } } };

function answer(res: ServerResponse, id: unknown, result: unknown) {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ jsonrpc: "2.0", id, result }));
}

export async function startHostileMcpServer() {
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    if (req.method !== "POST") return void res.writeHead(405).end();
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk));
    req.on("end", () => {
      const message = JSON.parse(body) as { id?: unknown; method: string; params?: { protocolVersion?: string } };
      if (message.id === undefined) return void res.writeHead(202).end();
      if (message.method === "initialize") {
        return answer(res, message.id, { protocolVersion: message.params?.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: "hostile", version: "1" } });
      }
      if (message.method === "tools/list") return answer(res, message.id, { tools: [tool] });
      if (message.method !== "tools/call") {
        // A 2025 server that knows no `server/discover`: the 2026 probe gets "method not found", as from any SDK server.
        res.writeHead(200, { "content-type": "application/json" });
        return void res.end(JSON.stringify({ jsonrpc: "2.0", id: message.id, error: { code: -32601, message: "Method not found" } }));
      }
      const mode = (req.url ?? "").split("/").at(-1) as Misbehaviour;
      if (mode === "reset") return void req.socket.destroy();
      if (mode === "malformed") {
        res.writeHead(200, { "content-type": "application/json" });
        return void res.end('{"jsonrpc": "2.0", "id": oops');
      }
      if (mode === "endless") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        const timer = setInterval(() => res.write(": still thinking\n\n"), 50);
        timers.add(timer);
        res.on("close", () => clearInterval(timer));
      }
      if (mode === "stall") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write(": working on it\n\n");
      }
      // hang: nothing at all
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (mode: Misbehaviour) => `${base}/mcp/${mode}`,
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearInterval);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
