// Serves a web-standard handler (Request in, Response out) with node:http on 127.0.0.1, streaming the response
// body as it comes (SSE answers included). `@modelcontextprotocol/node` is not installed; this is its one job here.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

/** The node request as a web Request, its (JSON) body already read; the client going away aborts it. */
export function toWebRequest(req: IncomingMessage, res: ServerResponse, body: string | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers as IncomingHttpHeaders)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const aborted = new AbortController();
  res.on("close", () => aborted.abort());
  return new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body, signal: aborted.signal });
}

export function sendWebResponse(res: ServerResponse, response: Response) {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  Readable.fromWeb(response.body as NodeReadableStream).on("error", () => res.destroy()).pipe(res);
}

export async function startWebHandlerServer(handler: (request: Request) => Promise<Response>) {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    sendWebResponse(res, await handler(toWebRequest(req, res, chunks.length ? Buffer.concat(chunks).toString("utf8") : undefined)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
