// A stand-in Upstash REST endpoint in front of a real Redis, so the Upstash driver is tested over real HTTP.
// Wire format as @upstash/redis 1.39 speaks it (pkg/http.ts, pkg/pipeline.ts in its source):
//   POST /            body ["SET","k","v"]              -> {"result": ...} | {"error": "..."} (HTTP 400)
//   POST /pipeline    body [["SET","k","v"],["GET","k"]] -> [{"result": ...} | {"error": "..."}, ...]
//   POST /multi-exec  same body, run in MULTI/EXEC       -> same answer
// `Authorization: Bearer <token>` is required. With `Upstash-Encoding: base64` every string in a result,
// nested ones included, is base64 except the status reply "OK"; numbers and nulls pass through.
// The client auto-pipelines, so even a lone command usually arrives at /pipeline.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";

type WireCommand = (string | number | boolean)[];
type WireReply = { result: unknown } | { error: string };

const ok = Buffer.from("OK");

export async function startUpstashBridge({ redisUrl, token }: { redisUrl: string; token: string }) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => send(res, 500, { error: String(error) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== "POST") return send(res, 405, { error: "Method not allowed" });
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { error: "Unauthorized" });
    const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";

    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return send(res, 400, { error: "ERR failed to parse request body as JSON" });
    }

    const path = new URL(req.url ?? "/", "http://bridge").pathname;
    if (path === "/") {
      if (!isCommand(body)) return send(res, 400, { error: "ERR expected a JSON array command" });
      const [reply] = await runPipeline([body], false, base64);
      return send(res, "error" in reply ? 400 : 200, reply);
    }
    if (path === "/pipeline" || path === "/multi-exec") {
      if (!Array.isArray(body) || body.length === 0 || !body.every(isCommand)) {
        return send(res, 400, { error: "ERR expected a JSON array of commands" });
      }
      try {
        return send(res, 200, await runPipeline(body, path === "/multi-exec", base64));
      } catch (error) {
        // A transaction that Redis refuses as a whole (EXECABORT) fails the request, not one entry.
        return send(res, 400, { error: error instanceof Error ? error.message : String(error) });
      }
    }
    return send(res, 404, { error: "Not found" });
  }

  async function runPipeline(commands: WireCommand[], atomic: boolean, base64: boolean): Promise<WireReply[]> {
    const batch = atomic ? redis.multi() : redis.pipeline();
    for (const [name, ...args] of commands) batch.callBuffer(String(name), ...args.map(String));
    const results = (await batch.exec()) ?? [];
    return results.map(([error, result]) =>
      error ? { error: error.message } : { result: toWire(result, base64) },
    );
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

function toWire(value: unknown, base64: boolean): unknown {
  if (Buffer.isBuffer(value)) return base64 && !value.equals(ok) ? value.toString("base64") : value.toString("utf8");
  if (Array.isArray(value)) return value.map((item) => toWire(item, base64));
  if (value instanceof Error) return value.message;
  return value;
}

function isCommand(value: unknown): value is WireCommand {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((part) => ["string", "number", "boolean"].includes(typeof part))
  );
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}
