// Answers for whole requests that do not run, on either protocol lane: a server its owner turned off, and (2025
// lane) params that do not fit their method. Each refused request still gets its call log line.
import "server-only";
import { isJSONRPCRequest, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { invalidParamsAnswer } from "./parse-messages";
import type { RequestLedger } from "./request-ledger";

const headers = { "Cache-Control": "no-store" };
const inactiveMessage = "server is not active: its owner turned it off. Ask them to turn it on again.";

/** All or nothing, so a batch (2025-03-26) never half runs. */
export function refuseInvalidParams(messages: JSONRPCMessage[], isBatch: boolean, ledger: RequestLedger): Response | null {
  const requests = messages.filter(isJSONRPCRequest);
  const answers = requests.map(invalidParamsAnswer);
  if (!answers.some(Boolean)) return null;
  const skipped = { code: -32600, message: "Not processed: another request in this batch has invalid params." };
  const all = requests.map((r, i) => answers[i] ?? { jsonrpc: "2.0" as const, id: r.id, error: skipped });
  ledger.begin(requests);
  all.forEach((answer) => ledger.answered(answer));
  return Response.json(isBatch ? all : all[0], { headers });
}

/**
 * A disabled server answers HTTP 503 with a JSON-RPC error and nothing about the app (docs/mcp-endpoint.md): a 200
 * carrying an error looked like a working server to clients, which showed nothing; a 503 is what they surface.
 * Not 401/403, which clients (the SDK among them) read as "authorize again". Notifications alone get the same 503.
 */
export function refuseInactive(messages: JSONRPCMessage[], isBatch: boolean, ledger: RequestLedger): Response {
  const requests = messages.filter(isJSONRPCRequest);
  const error = { code: -32600, message: inactiveMessage };
  if (requests.length === 0) return Response.json({ jsonrpc: "2.0", id: null, error }, { status: 503, headers });
  ledger.begin(requests);
  const answers = requests.map((r) => ({ jsonrpc: "2.0" as const, id: r.id, error }));
  for (const answer of answers) ledger.answered(answer);
  return Response.json(isBatch ? answers : answers[0], { status: 503, headers });
}
