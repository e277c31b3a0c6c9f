// A real OpenAI-compatible chat completions server on 127.0.0.1 whose answers each test scripts, turn by turn.
// Wire format: https://platform.openai.com/docs/api-reference/chat/streaming (SSE `data:` chunks, then `data: [DONE]`).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ScriptedToolCall {
  name: string;
  arguments: object;
}

export interface ScriptedTurn {
  text?: string;
  toolCalls?: ScriptedToolCall[];
  /** Wait before the response starts. */
  delayMs?: number;
  /** Wait between streamed chunks. */
  chunkDelayMs?: number;
  /** Sent as-is with status 200 as an event stream (malformed streams). */
  rawStream?: string;
  /** Stop sending after the first chunk without closing (a stalled stream). */
  stallAfterFirstChunk?: boolean;
  /** Send the text, then stay open and silent (a run caught mid-answer). */
  stallAfterText?: boolean;
  /** An HTTP error status; the body is `errorBody` or an OpenAI-style error. */
  status?: number;
  errorBody?: unknown;
}

/** The request body as the model server received it (OpenAI chat completions). */
export interface ChatRequestBody {
  model: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  messages: Array<{ role: string; content?: unknown; tool_calls?: unknown[]; tool_call_id?: string }>;
  tools?: Array<{ type: "function"; function: { name: string; description?: string; parameters?: unknown } }>;
  tool_choice?: unknown;
  [key: string]: unknown;
}

export type TurnSpec = ScriptedTurn | ((body: ChatRequestBody) => ScriptedTurn);

export interface ScriptedLlm {
  url: string;
  /** Queue the turns served to the next requests, one per request, in order. */
  script(turns: TurnSpec[]): void;
  /** Bodies of every chat completions request received, in order. */
  requests: ChatRequestBody[];
  /** Indexes (into `requests`) of requests the client closed before the answer ended. */
  abortedRequests: number[];
  close(): Promise<void>;
}

/** Usage reported per turn, so tests can predict totals. */
export const scriptedUsage = { prompt_tokens: 11, completion_tokens: 7 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/**
 * `fallback` answers every request once the script runs out (benchmarks); without it such a request is a 500.
 * `keepRequests: false` stops recording bodies, so a long benchmark does not grow the process.
 */
export async function startScriptedLlm({ fallback, keepRequests = true }: { fallback?: TurnSpec; keepRequests?: boolean } = {}): Promise<ScriptedLlm> {
  const queue: TurnSpec[] = [];
  const requests: ChatRequestBody[] = [];
  const abortedRequests: number[] = [];

  async function answer(req: IncomingMessage, res: ServerResponse) {
    if (req.method === "GET" && req.url === "/v1/models") {
      return sendJson(res, 200, { object: "list", data: [{ id: "scripted-model", object: "model", owned_by: "scripted" }] });
    }
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      return sendJson(res, 404, { error: { message: `No route for ${req.method} ${req.url}`, type: "not_found" } });
    }
    const body = JSON.parse(await readBody(req)) as ChatRequestBody;
    const index = keepRequests ? requests.push(body) - 1 : -1;
    let finished = false;
    res.on("close", () => {
      if (!finished) abortedRequests.push(index);
    });
    res.on("finish", () => (finished = true));

    const spec = queue.shift() ?? fallback;
    if (!spec) return sendJson(res, 500, { error: { message: `scripted-llm: no turn scripted for request ${index + 1}`, type: "server_error" } });
    const turn = typeof spec === "function" ? spec(body) : spec;
    if (turn.delayMs) await sleep(turn.delayMs);
    if (res.destroyed) return;
    if (turn.status && turn.status >= 400) {
      return sendJson(res, turn.status, turn.errorBody ?? { error: { message: `Scripted error ${turn.status}`, type: "server_error" } });
    }

    if (turn.rawStream !== undefined) {
      res.writeHead(200, { "content-type": "text/event-stream" });
      return void res.end(turn.rawStream);
    }
    const toolCalls = (turn.toolCalls ?? []).map((call, i) => ({
      id: `call_${index + 1}_${i + 1}`,
      type: "function" as const,
      function: { name: call.name, arguments: JSON.stringify(call.arguments) },
    }));
    const finishReason = toolCalls.length > 0 ? "tool_calls" : "stop";
    const base = { id: `chatcmpl-${index + 1}`, created: Math.floor(Date.now() / 1000), model: body.model };

    if (!body.stream) {
      const message = { role: "assistant", content: turn.text ?? null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) };
      return sendJson(res, 200, { ...base, object: "chat.completion", choices: [{ index: 0, message, finish_reason: finishReason }], usage: scriptedUsage });
    }

    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const send = async (delta: object, finish: string | null = null) => {
      if (res.destroyed) return;
      res.write(`data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
      if (turn.chunkDelayMs) await sleep(turn.chunkDelayMs);
    };
    await send({ role: "assistant", content: "" });
    if (turn.stallAfterFirstChunk) return; // the connection stays open and silent until the client gives up
    // Word-sized pieces, so clients must join deltas as real servers require.
    for (const piece of (turn.text ?? "").match(/\S+\s*|\s+/g) ?? []) await send({ content: piece });
    if (turn.stallAfterText) return;
    for (const [i, call] of toolCalls.entries()) {
      const args = call.function.arguments;
      const half = Math.ceil(args.length / 2);
      await send({ tool_calls: [{ index: i, id: call.id, type: "function", function: { name: call.function.name, arguments: args.slice(0, half) } }] });
      await send({ tool_calls: [{ index: i, function: { arguments: args.slice(half) } }] });
    }
    await send({}, finishReason);
    if (res.destroyed) return;
    if (body.stream_options?.include_usage) res.write(`data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [], usage: scriptedUsage })}\n\n`);
    res.end("data: [DONE]\n\n");
  }

  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `scripted-llm: ${String(error)}`, type: "server_error" } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    script: (turns) => void queue.push(...turns),
    requests,
    abortedRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
