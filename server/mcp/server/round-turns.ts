// The KV side of round-trips.ts: what a paused call left for the retry that answers its question, and the retry's
// wait for it. A retry passes its answer as the 2025 lane's answers are passed (client-answers.ts), so an answer
// nobody waits for, or from another client, is dropped; then it waits for the turn the run leaves under that question.
import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { CallToolResult, JSONRPCMessage, RequestId } from "@modelcontextprotocol/sdk/types.js";
import { runLimits } from "@/server/agent/run-limits";
import { kvKeys } from "@/server/kv/keys";
import type { approvalQuestion } from "./call-elicitation";
import { passClientAnswers } from "./client-answers";
import { callKey, cancelCall, trackCall } from "./cancellations";
import type { RoundState } from "./round-trips";
import type { CallDetails, ServerContext } from "./tool-call";

export type TurnError = { code?: number; message: string; data?: unknown };
export type Turn =
  | { ask: { id: string; question: ReturnType<typeof approvalQuestion> } }
  | { result: CallToolResult; details: CallDetails | null }
  | { error: TurnError };

const defaultPollMs = 500;

/** Where the turn after `ask` of paused call `call` is left: scoped to the server and the client that was asked. */
export function turnKey(ctx: Pick<ServerContext, "serverKey" | "clientScope">, call: string, ask: string) {
  return `${ctx.serverKey}:${ctx.clientScope}:${call}:${ask}`;
}

export function aliveKey(ctx: Pick<ServerContext, "serverKey" | "clientScope">, call: string) {
  return kvKeys.mcpRoundAlive(`${ctx.serverKey}:${ctx.clientScope}:${call}`);
}

export function errorOf(error: unknown): TurnError {
  const { code, data } = (error ?? {}) as { code?: unknown; data?: unknown };
  return { ...(typeof code === "number" ? { code } : {}), message: error instanceof Error ? error.message : String(error), ...(data === undefined ? {} : { data }) };
}

export function thrownFrom({ code, message, data }: TurnError): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code }, data === undefined ? {} : { data });
}

// A tool result, not a protocol error: the caller did nothing wrong, and the model reading it should call again.
const gone: Turn = {
  result: { content: [{ type: "text", text: "The call that asked this question is no longer running (its server may have restarted, or it ended). Call the tool again." }], isError: true },
  details: null,
};

/**
 * Passes `response` (the retry's answer; none reads as a client that could not ask) to the run waiting for it, then
 * waits for what the run does next. Cancelling the retry (notifications/cancelled, or the client gone) stops the wait,
 * and a cancellation also stops the run.
 */
export async function awaitTurn(ctx: ServerContext, state: RoundState, response: unknown, requestId: RequestId): Promise<Turn> {
  const isAnswer = typeof response === "object" && response !== null && !Array.isArray(response);
  const answer = isAnswer ? { result: response } : { error: { code: -32602, message: "The retry carried no answer to the question." } };
  await passClientAnswers([{ jsonrpc: "2.0", id: state.ask, ...answer } as JSONRPCMessage], { serverKey: ctx.serverKey, clientScope: ctx.clientScope, kv: ctx.kv });

  const tracked = trackCall(callKey({ serverKey: ctx.serverKey, clientScope: ctx.clientScope, requestId }), { kv: ctx.kv, pollMs: ctx.cancelPollMs });
  const signal = AbortSignal.any([ctx.requestSignal, tracked.signal]);
  const pollMs = ctx.askClient?.pollMs ?? defaultPollMs;
  const deadline = Date.now() + runLimits.maxRunMs;
  try {
    while (!signal.aborted && Date.now() < deadline) {
      const turn = await readTurn(ctx, state);
      if (turn) return turn;
      await sleep(pollMs, undefined, { signal }).catch(() => {});
    }
    if (!tracked.signal.aborted) return gone;
    await cancelCall(callKey({ serverKey: ctx.serverKey, clientScope: ctx.clientScope, requestId: state.id }), ctx.kv);
    ctx.ledger.annotate(requestId, { outcome: "cancelled" });
    return { result: { content: [{ type: "text", text: "The call was cancelled." }], isError: true }, details: null };
  } finally {
    tracked.done();
  }
}

/** The turn, null while the run is still busy, or `gone` when it has stopped without leaving one. */
async function readTurn(ctx: ServerContext, state: RoundState): Promise<Turn | null> {
  try {
    // One read of both keys: the run leaves its last turn before it lets the alive key go, so neither there at once
    // means none comes.
    const [alive, text] = await ctx.kv.getMany([aliveKey(ctx, state.call), kvKeys.mcpRoundTurn(turnKey(ctx, state.call, state.ask))]);
    if (text) return JSON.parse(text) as Turn;
    return alive ? null : gone;
  } catch {
    // A KV hiccup costs one poll.
    return null;
  }
}
