// A client's answer to a request a published call sent it (elicitation/create, MCP 2025-06-18 client/elicitation)
// arrives as a JSON-RPC response in an HTTP request of its own, maybe at another instance than the one whose call
// waits, as notifications/cancelled does (cancellations.ts). The KV store carries it: the waiting call marks its
// request id as awaited, the instance the answer reaches leaves it under the same key, and the call polls for it.
// Only the client that was asked can answer (the key holds its scope: its session id), and an answer nobody waits
// for is dropped without a write, so hostile responses leave nothing behind.
import "server-only";
import { randomBytes } from "node:crypto";
import { isJSONRPCErrorResponse, isJSONRPCResultResponse, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import type { Kv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";

/** Our ids for requests to clients: a prefix no client's own ids start with, and 128 random bits. */
export const askIdPrefix = "switchyard-ask-";
export const askIdShape = /^switchyard-ask-[A-Za-z0-9_-]{22}$/;

export function newAskId(): string {
  return `${askIdPrefix}${randomBytes(16).toString("base64url")}`;
}
/** A form with one yes/no field answers in well under this; anything bigger is not an answer to our question. */
export const maxAnswerChars = 8 * 1024;
/** How long an answer waits for the polling call to take it: a few polls' worth. */
const answerSeconds = 30;

export type ClientAnswer = { result: unknown } | { error: { code: number; message: string } } | { tooLarge: true };

/** Names one request we sent one client of one server: the same id from another client names another key. */
export function askKey({ serverKey, clientScope, requestId }: { serverKey: string; clientScope: string; requestId: string }) {
  return `${serverKey}:${clientScope}:${requestId}`;
}

/** True when every message is a response: such a body is ours to take, and answered 202 (MCP.md). */
export function onlyResponses(messages: JSONRPCMessage[]): boolean {
  return messages.length > 0 && messages.every((m) => isJSONRPCResultResponse(m) || isJSONRPCErrorResponse(m));
}

/** Leaves each response to one of our requests where its waiting call polls; the rest are dropped. */
export async function passClientAnswers(messages: JSONRPCMessage[], { serverKey, clientScope, kv }: { serverKey: string; clientScope: string; kv: Kv }) {
  for (const message of messages) {
    const isResult = isJSONRPCResultResponse(message);
    if (!isResult && !isJSONRPCErrorResponse(message)) continue;
    if (typeof message.id !== "string" || !askIdShape.test(message.id)) continue;
    const key = askKey({ serverKey, clientScope, requestId: message.id });
    try {
      if (!(await kv.get(kvKeys.mcpAskWaiting(key)))) continue;
      const answer: ClientAnswer = isResult
        ? { result: message.result }
        : { error: { code: message.error.code, message: String(message.error.message).slice(0, 300) } };
      const text = JSON.stringify(answer);
      await kv.set(kvKeys.mcpAskAnswer(key), text.length > maxAnswerChars ? JSON.stringify({ tooLarge: true }) : text, { ttlSeconds: answerSeconds });
    } catch (error) {
      // The waiting call then hears nothing and ends at its limit, refusing the tool: the safe side.
      console.warn("[mcp_server:ask] could not pass a client's answer on", String(error));
    }
  }
}

export interface AwaitedAnswer {
  /** Resolves with the answer, or null at the limit or when `signal` aborts. */
  answer: Promise<ClientAnswer | null>;
  /** Forgets the request: a late answer finds nobody waiting. */
  done(): Promise<void>;
}

/** Marks `key` as awaited (before the request goes out, so a quick answer is kept), then polls for its answer. */
export async function awaitClientAnswer(key: string, { kv, pollMs, timeoutMs, signal }: { kv: Kv; pollMs: number; timeoutMs: number; signal: AbortSignal }): Promise<AwaitedAnswer> {
  const waitingKey = kvKeys.mcpAskWaiting(key);
  const answerKey = kvKeys.mcpAskAnswer(key);
  await kv.set(waitingKey, "1", { ttlSeconds: Math.ceil(timeoutMs / 1000) + answerSeconds });
  const answer = new Promise<ClientAnswer | null>((resolve) => {
    const deadline = Date.now() + timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const finish = (value: ClientAnswer | null) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      resolve(value);
    };
    const onAbort = () => finish(null);
    const poll = () => {
      kv.getDel(answerKey)
        .then((text) => {
          if (text) return finish(JSON.parse(text) as ClientAnswer);
          if (Date.now() >= deadline || signal.aborted) return finish(null);
          timer = setTimeout(poll, pollMs);
        })
        // A KV hiccup costs one poll, not the question.
        .catch(() => {
          timer = setTimeout(poll, pollMs);
        });
    };
    if (signal.aborted) return resolve(null);
    signal.addEventListener("abort", onAbort, { once: true });
    timer = setTimeout(poll, pollMs);
  });
  return {
    answer,
    async done() {
      await Promise.all([kv.del(waitingKey), kv.del(answerKey)]).catch(() => {});
    },
  };
}
