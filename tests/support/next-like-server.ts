// A real HTTP server that hands requests to a web-standard handler the way `next start` does: with the peer-address
// hook installed (as instrumentation.ts installs it) and X-Forwarded-For filled in from the socket only when the
// client sent none (next/dist/server/base-server.js). Clients reach it from chosen loopback addresses (127.0.0.2,
// 127.0.0.3, ...), so a test has real, distinct socket addresses to tell callers apart.
import { request as httpRequest, createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { installPeerAddressHook } from "@/server/client-address/peer-address-hook";

export async function startNextLikeServer(handler: (request: Request) => Promise<Response>) {
  installPeerAddressHook();
  const server = createServer(async (req, res) => {
    req.headers["x-forwarded-for"] ??= req.socket.remoteAddress;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers as IncomingHttpHeaders)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const response = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    /** POSTs JSON from the given local address, with extra headers (a spoofed X-Forwarded-For, say). */
    post(from: string, path: string, body: unknown, headers: Record<string, string> = {}) {
      return new Promise<{ status: number; json: unknown }>((resolve, reject) => {
        const req = httpRequest(
          { host: "127.0.0.1", port, path, method: "POST", localAddress: from, headers: { "content-type": "application/json", ...headers } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString() || "null") }));
          },
        );
        req.on("error", reject);
        req.end(JSON.stringify(body));
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
