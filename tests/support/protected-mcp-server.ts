// An MCP server behind OAuth for tests: the SDK's McpServer over stateless Streamable HTTP on 127.0.0.1, which
// publishes RFC 9728 resource metadata, verifies each bearer token (signature, issuer, expiry, and an audience that
// is this server: RFC 8707), and answers 401 with `WWW-Authenticate: Bearer resource_metadata=...` otherwise.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createMcpHandler, McpServer as McpServerV2 } from "@modelcontextprotocol/server";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { createLocalJWKSet, jwtVerify } from "jose";
import { z } from "zod";
import { sendWebResponse, toWebRequest } from "./web-handler-server";
import { readOnly } from "./tool-hints";
import { readJsonBody } from "./read-json-body";

export interface ProtectedMcpServerOptions {
  issuer: string;
  jwks: { keys: Record<string, unknown>[] };
  /** Headers every request must also carry: custom headers and the bearer token compose. */
  requiredHeaders?: Record<string, string>;
  /** Five weather tools besides echo and add (seven in all), for journeys that build an agent on this server. */
  moreTools?: boolean;
  /** Serve 2026-07-28 only (SDK v2, 2025 initialize refused) behind the same token checks. */
  modern?: boolean;
}

export interface ProtectedMcpServer {
  url: string;
  resourceMetadataUrl: string;
  /** Tool calls that passed the token check. */
  calls: number;
  /** The token subject (the account at the authorization server) of each tool call that passed, in order. */
  callers: string[];
  /** Requests answered 401, by reason. */
  rejections: string[];
  /** JSON-RPC methods of the requests that passed the token check. */
  methods: string[];
  close(): Promise<void>;
}

const weatherTools: [name: string, title: string, answer: (city: string) => string][] = [
  ["forecast", "Forecast", (city) => `Forecast for ${city}: sunny, 24 °C, light wind.`],
  ["current_conditions", "Current conditions", (city) => `Now in ${city}: 21 °C, clear.`],
  ["air_quality", "Air quality", (city) => `Air quality in ${city}: good (AQI 31).`],
  ["sunrise_sunset", "Sunrise and sunset", (city) => `${city}: sunrise 06:52, sunset 20:41.`],
  ["weather_alerts", "Weather alerts", (city) => `No weather alerts for ${city}.`],
];

function buildServer(moreTools: boolean) {
  const server = new McpServer({ name: "protected-test-tools", version: "1.0.0" });
  server.registerTool("echo", { title: "Echo", description: "Repeat the text.", annotations: readOnly, inputSchema: { text: z.string() } }, ({ text }) => ({
    content: [{ type: "text", text }],
  }));
  server.registerTool("add", { title: "Add", description: "Add two numbers.", annotations: readOnly, inputSchema: { a: z.number(), b: z.number() } }, ({ a, b }) => ({
    content: [{ type: "text", text: String(a + b) }],
  }));
  if (moreTools) {
    for (const [name, title, answer] of weatherTools) {
      server.registerTool(name, { title, description: `${title} for a city.`, annotations: readOnly, inputSchema: { city: z.string() } }, ({ city }) => ({
        content: [{ type: "text", text: answer(city) }],
      }));
    }
  }
  return server;
}

/** The same echo and add tools on the SDK v2 server, for the 2026-07-28 variant. */
function buildModernServer() {
  const server = new McpServerV2({ name: "protected-modern-tools", version: "2.0.0" });
  server.registerTool("echo", { title: "Echo", description: "Repeat the text.", annotations: readOnly, inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
    content: [{ type: "text", text }],
  }));
  server.registerTool("add", { title: "Add", description: "Add two numbers.", annotations: readOnly, inputSchema: z.object({ a: z.number(), b: z.number() }) }, ({ a, b }) => ({
    content: [{ type: "text", text: String(a + b) }],
  }));
  return server;
}

export async function startProtectedMcpServer(options: ProtectedMcpServerOptions): Promise<ProtectedMcpServer> {
  const modern = options.modern ? createMcpHandler(buildModernServer, { legacy: "reject" }) : null;
  const keys = createLocalJWKSet(options.jwks as never);
  const http = createServer();
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const url = `${origin}/mcp`;
  const resourceMetadataUrl = `${origin}/.well-known/oauth-protected-resource/mcp`;
  const state: ProtectedMcpServer = {
    url,
    resourceMetadataUrl,
    calls: 0,
    callers: [],
    rejections: [],
    methods: [],
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };

  http.on("request", async (req, res) => {
    const path = new URL(req.url ?? "/", origin).pathname;
    if (req.method === "GET" && path === "/.well-known/oauth-protected-resource/mcp") {
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({ resource: url, authorization_servers: [options.issuer], scopes_supported: ["mcp:tools"], bearer_methods_supported: ["header"] }),
      );
      return;
    }
    if (path !== "/mcp") return void res.writeHead(404).end();
    if (req.method !== "POST") return void res.writeHead(405, { allow: "POST" }).end();
    const refuse = (reason: string, error?: string) => {
      state.rejections.push(reason);
      const challenge = [`Bearer resource_metadata="${resourceMetadataUrl}"`, `scope="mcp:tools"`, ...(error ? [`error="${error}"`] : [])].join(", ");
      res.writeHead(401, { "www-authenticate": challenge, "content-type": "application/json" }).end(JSON.stringify({ error: error ?? "unauthorized" }));
    };
    for (const [name, value] of Object.entries(options.requiredHeaders ?? {})) {
      if (req.headers[name.toLowerCase()] !== value) return refuse(`missing header ${name}`);
    }
    const token = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    if (!token) return refuse("no token");
    let subject: string;
    try {
      subject = String((await jwtVerify(token, keys, { issuer: options.issuer, audience: url })).payload.sub);
    } catch (error) {
      return refuse(`invalid token: ${(error as { code?: string }).code ?? "unknown"}`, "invalid_token");
    }
    try {
      const body = (await readJsonBody(req)) as { method?: string };
      if (body.method === "tools/call") {
        state.calls++;
        state.callers.push(subject);
      }
      if (body.method) state.methods.push(body.method);
      if (modern) return sendWebResponse(res, await modern.fetch(toWebRequest(req, res, JSON.stringify(body))));
      const server = buildServer(options.moreTools === true);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      res.on("close", () => void server.close());
      await server.connect(transport);
      await transport.handleRequest(req, res, body);
    } catch {
      if (!res.headersSent) res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } }));
    }
  });
  return state;
}
