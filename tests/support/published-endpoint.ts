// The published MCP endpoint on a real HTTP server on 127.0.0.1, without Next: node's http in, a web Request to
// handlePublishedRequest, the web Response streamed back. The client closing the connection aborts request.signal,
// as Next does.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { protectedResourceMetadata, protectedResourcePreflight } from "@/server/authorization-server/protected-resource-metadata";
import { handlePublishedRequest, type EndpointOptions } from "@/server/mcp/server/handle-request";

export interface TestEndpoint {
  /** This server's origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** The same server URL (as the console shows it, under APP_URL) on this test server. */
  localUrl(consoleUrl: string): string;
  urlForCode(code: string): string;
  close(): Promise<void>;
}

const routePattern = /^\/mcp\/server\/([^/]+)\/mcp$/;
// RFC 9728 metadata of each endpoint, as the Next route serves it: what OAuth-minded clients look for after a 401.
const metadataPattern = /^\/\.well-known\/oauth-protected-resource\/mcp\/server\/([^/]+)\/mcp$/;

function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    signal,
    // Node's fetch needs this for a streamed request body.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response) {
  // A refusal sent before the body was read (413, 406...) leaves bytes on the socket: close it, as Next does.
  if (!req.complete) res.setHeader("Connection", "close");
  res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  res.on("close", () => void reader.cancel().catch(() => {}));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
  } catch {
    // The stream was cancelled because the client left.
  }
  res.end();
}

export async function startTestEndpoint(options: EndpointOptions & { useOwnOrigin?: boolean } = {}): Promise<TestEndpoint> {
  let origin = "";
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    const metadata = metadataPattern.exec(pathname);
    if (metadata) {
      const answer = req.method === "OPTIONS" ? Promise.resolve(protectedResourcePreflight()) : protectedResourceMetadata(decodeURIComponent(metadata[1]!));
      void answer.then((response) => send(req, res, response));
      return;
    }
    const match = routePattern.exec(pathname);
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    const { useOwnOrigin, ...endpointOptions } = options;
    handlePublishedRequest(toRequest(req, origin, abort.signal), decodeURIComponent(match[1]!), {
      ...(useOwnOrigin ? { appUrl: origin } : {}),
      ...endpointOptions,
    })
      .then((response) => send(req, res, response))
      .catch((error: unknown) => {
        // The handler never throws; if it does, the test should see a 500, not a hang.
        console.error("[test-endpoint]", error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    localUrl: (consoleUrl) => new URL(new URL(consoleUrl).pathname, origin).toString(),
    urlForCode: (code) => `${origin}/mcp/server/${code}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
