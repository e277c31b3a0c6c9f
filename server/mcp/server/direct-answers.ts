// The requests whose answers never change for a published version (tools/list, ping) are answered here, without
// building an SDK server and transport for them: that construction cost more than the rest of the request. The
// SDK's own schemas still validate the request, and the result is the same the SDK server would send.
import "server-only";
import { ListToolsRequestSchema, PingRequestSchema, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { toolForProtocol } from "./build-tool";
import type { ServerContext } from "./tool-call";

/** An answer for a lone tools/list or ping, or null when the SDK server should handle the request. */
export function directAnswer(messages: JSONRPCMessage[], { tool, protocolVersion, ledger }: ServerContext): Response | null {
  if (messages.length !== 1) return null;
  const [message] = messages;
  if (!("id" in message) || !("method" in message)) return null;
  let result: unknown;
  if (message.method === "tools/list" && ListToolsRequestSchema.safeParse(message).success) result = { tools: [toolForProtocol(tool, protocolVersion)] };
  else if (message.method === "ping" && PingRequestSchema.safeParse(message).success) result = {};
  else return null;
  const answer = { jsonrpc: "2.0" as const, id: message.id, result };
  ledger.begin(messages);
  ledger.answered(answer as JSONRPCMessage);
  return Response.json(answer);
}
