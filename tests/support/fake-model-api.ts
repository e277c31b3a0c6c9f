// A real HTTP server on 127.0.0.1 that answers like an OpenAI-compatible API (and Anthropic's model list):
// GET /v1/models, POST /v1/chat/completions (non-streaming), OpenAI's error JSON for a wrong key or model.
// Wire formats: https://platform.openai.com/docs/api-reference/models/list, /chat/create, /docs/guides/error-codes.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown> | null;
}

export interface FakeModelApi {
  /** Base URL including /v1, as a provider's baseUrl. */
  baseUrl: string;
  key: string;
  models: string[];
  /** Answer GET /v1/models with 404, like an API without a model list. */
  hideModelList: boolean;
  requests: SeenRequest[];
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
}

export async function startFakeModelApi({ key, models }: { key: string; models: string[] }): Promise<FakeModelApi> {
  const api = { key, models, hideModelList: false, requests: [] as SeenRequest[] } as FakeModelApi;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = await readJson(req);
    api.requests.push({ method: req.method ?? "", path: url.pathname, headers: req.headers, body });
    const send = (status: number, json: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    const anthropic = typeof req.headers["x-api-key"] === "string";
    const given = anthropic ? (req.headers["x-api-key"] as string) : (req.headers.authorization ?? "").replace(/^Bearer /, "");

    if (given !== api.key) {
      // OpenAI's own wording, with the key echoed in full: the server must scrub it before anyone sees it.
      return send(401, {
        error: { message: `Incorrect API key provided: ${given}. You can find your API key at https://platform.openai.com/account/api-keys.`, type: "invalid_request_error", param: null, code: "invalid_api_key" },
      });
    }
    if (req.method === "GET" && url.pathname === "/v1/models" && !api.hideModelList) {
      if (!anthropic) return send(200, { object: "list", data: api.models.map((id) => ({ id, object: "model", created: 1700000000, owned_by: "fake" })) });
      // Anthropic pages with after_id: one model per page here, so paging is exercised.
      const after = url.searchParams.get("after_id");
      const index = after ? api.models.indexOf(after) + 1 : 0;
      const page = api.models.slice(index, index + 1);
      return send(200, { data: page.map((id) => ({ id, type: "model", display_name: id })), has_more: index + 1 < api.models.length, first_id: page[0], last_id: page[0] });
    }
    if (req.method === "POST" && url.pathname === "/v1/chat/completions") {
      const model = String(body?.model);
      if (!api.models.includes(model)) {
        return send(404, { error: { message: `The model \`${model}\` does not exist or you do not have access to it.`, type: "invalid_request_error", param: null, code: "model_not_found" } });
      }
      return send(200, {
        id: "chatcmpl-fake",
        object: "chat.completion",
        created: 1700000000,
        model,
        choices: [{ index: 0, message: { role: "assistant", content: "OK" }, finish_reason: "stop" }],
        usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 },
      });
    }
    send(404, { error: { message: `Unknown request ${req.method} ${url.pathname}`, type: "invalid_request_error" } });
  });
  api.baseUrl = `http://127.0.0.1:${await listen(server)}/v1`;
  api.close = () => stop(server);
  return api;
}

/** Accepts connections and never answers: for timeouts. */
export async function startSilentServer() {
  const server = createServer(() => {});
  const port = await listen(server);
  return { baseUrl: `http://127.0.0.1:${port}/v1`, close: () => stop(server) };
}

/** A port nothing listens on any more: for "could not reach". */
export async function closedPortUrl() {
  const server = createServer();
  const port = await listen(server);
  await stop(server);
  return `http://127.0.0.1:${port}/v1`;
}
