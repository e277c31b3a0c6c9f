// A published call whose tool asks first, on the 2026-07-28 lane (basic/patterns/mrtr): there is no stream to send
// elicitation/create on, so the call answers `input_required` with the question, and the client asks its user and
// sends tools/call again with the answer and our `requestState`, maybe to another instance. The run does not start
// over (a model would not choose the same calls twice): it keeps running where it asked, and the rounds meet in the
// KV store as the 2025 lane's answers do (client-answers.ts). The first round waits in process; each later question
// or the final answer is left under the question it follows, for whichever instance the retry reached.
import "server-only";
import { hkdfSync, randomBytes } from "node:crypto";
import { createRequestStateCodec, inputRequired, type CallToolResult, type InputRequiredResult, type RequestStateCodec } from "@modelcontextprotocol/server";
import type { CallToolRequest, RequestId } from "@modelcontextprotocol/sdk/types.js";
import type { Approver } from "@/server/agent/tool-approval";
import { kvKeys } from "@/server/kv/keys";
import { getSecrets } from "@/server/secrets";
import { publishedApprover } from "./call-approval";
import { approvalQuestion, decisionOf } from "./call-elicitation";
import { askKey, awaitClientAnswer, newAskId } from "./client-answers";
import { aliveKey, awaitTurn, errorOf, thrownFrom, turnKey, type Turn } from "./round-turns";
import { runToolCall, type CallDetails, type ServerContext, type ToolCallChannel } from "./tool-call";

/** What a client echoes back, sealed (HMAC, expiry): which paused call, which of its questions, for which tool. */
export interface RoundState {
  call: string;
  ask: string;
  tool: string;
  /** The first round's request id: cancelling a retry cancels the run, which is tracked under it. */
  id: RequestId;
}

/** How long a question stays answerable and a turn stays readable; a question itself waits `askClient.timeoutMs`. */
export const roundSeconds = 10 * 60;
const aliveSeconds = 30;

let codec: RequestStateCodec<RoundState> | undefined;
/** One key for every instance, derived from AUTH_SECRET: any of them may receive the retry. */
export function roundStateCodec(): RequestStateCodec<RoundState> {
  codec ??= createRequestStateCodec<RoundState>({
    key: new Uint8Array(hkdfSync("sha256", getSecrets().authSecret, "switchyard", "mcp-request-state", 32)),
    ttlSeconds: roundSeconds,
  });
  return codec;
}

type Params = CallToolRequest["params"];

/** The first round: the call's answer when nothing asks first, else `input_required` with the first question. */
export async function startRounds(ctx: ServerContext, params: Params, channel: ToolCallChannel): Promise<CallToolResult | InputRequiredResult> {
  const asking = ctx.askClient!;
  const call = randomBytes(16).toString("base64url");
  // Null while the first round waits here: a turn then goes to it in process, not through the KV store.
  let after: string | null = null;
  let first: (turn: Turn) => void = () => {};
  const firstTurn = new Promise<Turn>((resolve) => (first = resolve));
  const publish = async (turn: Turn) => {
    if (after === null) return first(turn);
    await ctx.kv.set(kvKeys.mcpRoundTurn(turnKey(ctx, call, after)), JSON.stringify(turn), { ttlSeconds: roundSeconds }).catch((error: unknown) => {
      console.warn("[mcp_server:rounds] could not pass a turn on; the retry will say the call is gone", String(error));
    });
  };

  const ask = async (request: Parameters<Approver>[0], appName: string): ReturnType<Approver> => {
    const id = newAskId();
    let waiting: Awaited<ReturnType<typeof awaitClientAnswer>>;
    try {
      waiting = await awaitClientAnswer(askKey({ serverKey: ctx.serverKey, clientScope: ctx.clientScope, requestId: id }), { kv: ctx.kv, pollMs: asking.pollMs, timeoutMs: asking.timeoutMs, signal: request.signal });
    } catch (error) {
      console.warn("[mcp_server:rounds] could not ask the client; the policy answers", String(error));
      return publishedApprover(ctx.approvalPolicy)(request);
    }
    try {
      await publish({ ask: { id, question: approvalQuestion(request, appName) } });
      after = id;
      return decisionOf(await waiting.answer, { personId: ctx.personId, timeoutMs: asking.timeoutMs });
    } finally {
      await waiting.done();
    }
  };
  // A step may stop at several calls at once: they are asked one round at a time, each turn naming one question.
  let queue: Promise<unknown> = Promise.resolve();
  const approver =
    (appName: string): Approver =>
    (request) => {
      const mine = queue.then(() => ask(request, appName));
      queue = mine.catch(() => {});
      return mine;
    };

  // The run outlives the first round's HTTP request: it follows that request's signal only until it first asks.
  const attachment = new AbortController();
  const follow = () => attachment.abort(ctx.requestSignal.reason);
  if (ctx.requestSignal.aborted) follow();
  else ctx.requestSignal.addEventListener("abort", follow, { once: true });
  let attached = true;
  let details: CallDetails | null = null;
  const run = runToolCall({ ...ctx, requestSignal: attachment.signal }, params, {
    requestId: channel.requestId,
    // Progress rides the first round's stream only; a later round has none to ride.
    notify: channel.notify && ((notification) => (attached ? channel.notify!(notification) : Promise.resolve())),
    approver,
    onSettled: (settled) => (details = settled),
  });
  // A failure before the first question is the first round's own (an unknown tool, a connection to make first).
  const turn = await Promise.race([firstTurn, run.then((result): Turn => ({ result, details }))]);
  ctx.requestSignal.removeEventListener("abort", follow);
  attached = false;
  if (!("ask" in turn)) return (turn as { result: CallToolResult }).result;

  const alive = await keepAlive(ctx, call);
  void run
    .then((result) => publish({ result, details }), (error: unknown) => publish({ error: errorOf(error) }))
    .finally(() => alive.stop());
  return askFor(turn.ask, { call, tool: params.name, id: channel.requestId });
}

/** A retry: passes the answer to the waiting run, wherever it runs, and answers with what the run did next. */
export async function resumeRounds(ctx: ServerContext, params: Params, state: RoundState, responses: Record<string, unknown> | undefined, requestId: RequestId) {
  if (state.tool !== params.name) throw Object.assign(new Error("This retry names another tool than the call that asked; call the tool again."), { code: -32602 });
  const turn = await awaitTurn(ctx, state, responses?.[state.ask], requestId);
  if ("ask" in turn) return askFor(turn.ask, { ...state });
  if ("error" in turn) throw thrownFrom(turn.error);
  if (turn.details) ctx.ledger.annotate(requestId, turn.details);
  return turn.result;
}

async function askFor(ask: Extract<Turn, { ask: unknown }>["ask"], state: Omit<RoundState, "ask">): Promise<InputRequiredResult> {
  return inputRequired({
    inputRequests: { [ask.id]: inputRequired.elicit(ask.question) },
    requestState: await roundStateCodec().mint({ ...state, ask: ask.id }),
  });
}

/** A key kept fresh while a detached run lives: one timer per paused call, and only calls that asked pause. */
async function keepAlive(ctx: ServerContext, call: string) {
  const key = aliveKey(ctx, call);
  const touch = () => ctx.kv.set(key, "1", { ttlSeconds: aliveSeconds }).catch(() => {});
  // Set before the first round answers, so its retry never finds the call not yet alive.
  await touch();
  const timer = setInterval(() => void touch(), (aliveSeconds / 3) * 1000);
  timer.unref?.();
  return {
    stop() {
      clearInterval(timer);
      void ctx.kv.del(key).catch(() => {});
    },
  };
}
