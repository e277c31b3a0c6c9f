// The 2025 lane (2025-11-25 down to 2025-03-26 clients, and 2024-11-05): requests without the 2026-07-28 `_meta`
// envelope, served as before this endpoint spoke two eras: SDK v1, answered directly where direct-answers.ts can.
import "server-only";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { onlyResponses, passClientAnswers } from "./client-answers";
import { clientInfoFromInitialize, declaresFormElicitation, declaresUrlElicitation, readSession, type ClientInfo } from "./client-session";
import { checkLegacyProtocolHeader, requestProtocolVersion } from "./http-checks";
import { isActive } from "./endpoint";
import { anonymousScope, callerCredential, ledgerBase, passCancellations, serverContext, taskContext, type LaneParams } from "./lane";
import { messagesOf } from "./parse-messages";
import { refuseInactive, refuseInvalidParams } from "./refusals";
import { RequestLedger } from "./request-ledger";
import { limitRate } from "./request-guards";
import { serveMessages } from "./serve-messages";
import { taskScope } from "./tasks/task-scope";

export async function serveLegacyLane(lane: LaneParams): Promise<Response> {
  const { request, endpoint, raw, kv, rateLimit, cancelPollMs } = lane;
  const credential = callerCredential(lane);
  const headerRefusal = checkLegacyProtocolHeader(request);
  if (headerRefusal) return headerRefusal;
  const protocolVersion = requestProtocolVersion(request);
  const parsed = messagesOf(raw, protocolVersion);
  if ("refusal" in parsed) return parsed.refusal;
  const isBatch = Array.isArray(parsed.raw);
  // Task-augmented calls and tasks/* are answered by tasks/answer-task-request.ts (from direct-answers.ts, and the
  // SDK server's tools/call handler for a batch).
  const { messages } = parsed;
  // The request was counted once already, before its body was read; each further message of a batch counts too, and
  // a batch that does not fit is refused whole (nothing of it runs).
  const batchRefusal = messages.length > 1 ? await limitRate(kv, endpoint.serverKey, rateLimit, messages.length - 1) : null;
  if (batchRefusal) return batchRefusal;

  const sessionId = request.headers.get("mcp-session-id");
  const session = readSession(sessionId);
  const initialize = messages.find((m) => isInitializeRequest(m)) as { params?: unknown } | undefined;
  const client: ClientInfo = initialize ? clientInfoFromInitialize(initialize.params) : (session?.client ?? { name: request.headers.get("user-agent"), version: null });
  const formElicitation = initialize ? declaresFormElicitation(initialize.params) : (session?.formElicitation ?? false);
  const urlElicitation = initialize ? declaresUrlElicitation(initialize.params) : (session?.urlElicitation ?? false);
  const clientScope = session ? sessionId! : anonymousScope(request, credential);
  const ledger = new RequestLedger(ledgerBase(endpoint, lane.caller), client);

  if (!isActive(endpoint)) return refuseInactive(messages, isBatch, ledger);
  const paramsRefusal = refuseInvalidParams(messages, isBatch, ledger);
  if (paramsRefusal) return paramsRefusal;
  await passCancellations(messages, { serverKey: endpoint.serverKey, clientScope, kv });
  // Answers to our questions (call-elicitation.ts) go to the call that waits for them, wherever it runs.
  await passClientAnswers(messages, { serverKey: endpoint.serverKey, clientScope, kv });
  if (onlyResponses(messages)) return new Response(null, { status: 202 });

  const tasks = taskContext(endpoint, { scope: taskScope({ bearer: credential, sessionId }), client, caller: lane.caller });
  // Elicitation came with 2025-06-18; only a client with a session can be asked (the session carries the capability,
  // and its id scopes the answer), which an initialize request has yet to receive.
  const askClient = formElicitation && !initialize && session && protocolVersion >= "2025-06-18" ? lane.asking : null;
  // URL mode came with 2025-11-25: a signed-in person who has not connected an account is sent to connect it.
  const connectByUrl = urlElicitation && !initialize && Boolean(session) && protocolVersion >= "2025-11-25";
  const ctx = serverContext(endpoint, { request, protocolVersion, clientScope, kv, cancelPollMs, ledger, tasks, personId: lane.caller?.userId ?? null, askClient, connectByUrl });
  const elicitation = { formElicitation, urlElicitation };
  return serveMessages({ request, ctx, messages, raw: isBatch ? messages : messages[0], initialize: Boolean(initialize), client, elicitation });
}
