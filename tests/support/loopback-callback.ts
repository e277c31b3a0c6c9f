// The redirect target a CLI client listens on (RFC 8252 §7.3: http on a loopback address, a port of its own): a real
// HTTP server on 127.0.0.1 that takes the authorization response (code, state, iss) and answers the browser with a
// short page, as mcp-remote and Claude Code do.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface LoopbackCallback {
  /** Where the authorization server sends the browser back: http://127.0.0.1:<port>/callback */
  redirectUri: string;
  /** The next authorization response to arrive (its full URL, query included). */
  next(timeoutMs?: number): Promise<URL>;
  close(): Promise<void>;
}

export async function startLoopbackCallback(): Promise<LoopbackCallback> {
  const arrived: URL[] = [];
  const waiting: Array<(url: URL) => void> = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    if (url.pathname !== "/callback") return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<h1>Signed in</h1><p>You can close this window.</p>");
    const taker = waiting.shift();
    if (taker) taker(url);
    else arrived.push(url);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    next(timeoutMs = 30_000) {
      const ready = arrived.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise<URL>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no authorization response reached the loopback callback")), timeoutMs);
        waiting.push((url) => {
          clearTimeout(timer);
          resolve(url);
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
