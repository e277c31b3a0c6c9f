// The requests answered here without building an SDK server and transport for them: a lone tools/list or ping,
// whose answers never change for a published version, and a lone tools/call that asked for no progress, whose one
// JSON answer comes when the run ends. That construction cost more than the rest of a tools/list, and a sizeable
// share of a tools/call. The SDK's own schemas still validate request and result, and the answer is the one the
// SDK server would send. Batches, progress (SSE) and everything else go through the SDK server.
import "server-only";
import {
  CallToolRequestSchema,
  CallToolResultSchema,
  ListToolsRequestSchema,
  PingRequestSchema,
  type JSONRPCMessage,
  type JSONRPCRequest,
} from "@modelcontextprotocol/sdk/types.js";
import { listedTools } from "./build-tool";
import { rememberListedTools } from "./list-changed";
import { answerTaskRequest, isTaskRequest } from "./tasks/answer-task-request";
import { runToolCall, type ServerContext } from "./tool-call";
import { errorAnswer } from "./without-internals";

/** The answer for a request this module handles, or null when the SDK server should handle it. */
export async function directAnswer(messages: JSONRPCMessage[], ctx: ServerContext): Promise<Response | null> {
  if (messages.length !== 1) return null;
  // parseMessages validated the message already: only whether it is a request is left to see.
  const [message] = messages;
  if (!("id" in message) || !("method" in message)) return null;
  // The task dispatch point of the 2025 lane: task-augmented tools/call and tasks/* (tasks/answer-task-request.ts).
  if (isTaskRequest(message, ctx, "2025")) return send(await answerTaskRequest(message, ctx, "2025"), ctx);
  if (message.method === "tools/call") return answerToolCall(message, ctx);
  let result: unknown;
  if (message.method === "tools/list" && ListToolsRequestSchema.safeParse(message).success) {
    result = { tools: listedTools(ctx) };
    await rememberListedTools(ctx);
  }
  else if (message.method === "ping" && PingRequestSchema.safeParse(message).success) result = {};
  else return null;
  ctx.ledger.begin([message]);
  return send({ jsonrpc: "2.0", id: message.id, result } as JSONRPCMessage, ctx);
}

async function answerToolCall(message: JSONRPCRequest, ctx: ServerContext): Promise<Response | null> {
  const parsed = CallToolRequestSchema.safeParse(message);
  // Progress needs the SDK's SSE stream. (Task-augmented calls never get here: see directAnswer.)
  if (!parsed.success || parsed.data.params._meta?.progressToken !== undefined) return null;
  // A client that can be asked gets every call over SSE, where a question can reach it mid-call. Whether a call will
  // ask depends on the tools the model picks during the run, unknown here; and these clients read SSE anyway.
  if (ctx.askClient) return null;
  ctx.ledger.begin([message]);
  let reply: JSONRPCMessage;
  try {
    const result = CallToolResultSchema.parse(await runToolCall(ctx, parsed.data.params, { requestId: message.id }));
    reply = { jsonrpc: "2.0", id: message.id, result };
  } catch (error) {
    reply = errorAnswer(message.id, error);
  }
  if (ctx.requestSignal.aborted) {
    // The client went away: the run stopped with it (its signal includes the request's), and nobody reads an answer.
    ctx.ledger.settle(message.id, "cancelled");
    return new Response(null, { status: 499 });
  }
  if (ctx.ledger.wasCancelled(message.id)) {
    // notifications/cancelled came first (here or at another instance): no answer follows it, and the HTTP request
    // that carried the call ends as 202 with no body (docs/mcp-endpoint.md "Cancellation").
    ctx.ledger.settle(message.id, "cancelled");
    return new Response(null, { status: 202 });
  }
  return send(reply, ctx);
}

function send(reply: JSONRPCMessage, ctx: ServerContext): Response {
  ctx.ledger.answered(reply);
  return Response.json(reply);
}
