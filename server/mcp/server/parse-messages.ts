// The request body as JSON-RPC 2.0 messages (https://www.jsonrpc.org/specification §4, §5.1, §6), or the
// refusal to send back.
import {
  CallToolRequestSchema,
  InitializeRequestSchema,
  isJSONRPCRequest,
  JSONRPCMessageSchema,
  ListToolsRequestSchema,
  PingRequestSchema,
  SetLevelRequestSchema,
  type JSONRPCErrorResponse,
  type JSONRPCMessage,
} from "@modelcontextprotocol/sdk/types.js";
import { isNestedDeeper, maxJsonDepth } from "@/shared/json-depth";
import { jsonRpcError } from "./http-checks";

// JSON-RPC batches were dropped in MCP 2025-06-18 (changelog: "Remove support for JSON-RPC batching").
const lastVersionWithBatches = "2025-03-26";
const maxBatch = 20;

export type ParsedBody = { messages: JSONRPCMessage[]; raw: unknown } | { refusal: Response };

function invalid(message: string): { refusal: Response } {
  return { refusal: jsonRpcError(400, -32600, `Invalid Request: ${message}`) };
}

export function parseMessages(text: string, protocolVersion: string): ParsedBody {
  const json = parseJsonBody(text);
  return "refusal" in json ? json : messagesOf(json.raw, protocolVersion);
}

/** The body as JSON, checked for depth before anything (the SDK's era classification included) walks it. */
export function parseJsonBody(text: string): { raw: unknown } | { refusal: Response } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { refusal: jsonRpcError(400, -32700, "Parse error: the body is not valid JSON.") };
  }
  // Validators recurse, and a body of 100,000 nested arrays would overflow the stack.
  if (isNestedDeeper(raw, maxJsonDepth)) return invalid(`a message may nest at most ${maxJsonDepth} levels deep.`);
  // Both eras: the MCP schema would read {"id": null, "method": ...} as a notification; MCP requires ids non-null.
  if ((Array.isArray(raw) ? raw : [raw]).some(hasNullId)) return invalid("a request id must be a string or a number, not null.");
  return { raw };
}

function hasNullId(item: unknown): boolean {
  return Boolean(item) && typeof item === "object" && "method" in (item as object) && "id" in (item as object) && (item as { id: unknown }).id === null;
}

/** The 2025 lane's messages: one, or a batch where the protocol version still has them. */
export function messagesOf(raw: unknown, protocolVersion: string): ParsedBody {
  if (Array.isArray(raw)) {
    if (protocolVersion > lastVersionWithBatches) return invalid(`batches are not supported in protocol ${protocolVersion}; send one message per request.`);
    if (raw.length === 0 || raw.length > maxBatch) return invalid(`a batch holds 1 to ${maxBatch} messages.`);
  }
  const items = Array.isArray(raw) ? raw : [raw];
  const messages: JSONRPCMessage[] = [];
  for (const item of items) {
    const parsed = JSONRPCMessageSchema.safeParse(item);
    if (!parsed.success) return invalid('expected a JSON-RPC 2.0 message: {"jsonrpc": "2.0", "method": ..., "id": ...}.');
    messages.push(parsed.data);
  }
  return { messages, raw };
}

// A Map, not an object literal: a method named "__proto__" or "constructor" must find nothing.
const paramSchemas = new Map<string, { safeParse(value: unknown): { success: boolean } }>([
  ["initialize", InitializeRequestSchema],
  ["ping", PingRequestSchema],
  ["tools/list", ListToolsRequestSchema],
  ["tools/call", CallToolRequestSchema],
  ["logging/setLevel", SetLevelRequestSchema],
]);

/**
 * An answer for a request whose params do not fit its method, or null. Checked here because the SDK would answer
 * such a request with -32603 and the schema library's own error text.
 */
export function invalidParamsAnswer(message: JSONRPCMessage): JSONRPCErrorResponse | null {
  if (!isJSONRPCRequest(message)) return null;
  const schema = paramSchemas.get(message.method);
  if (!schema || schema.safeParse({ method: message.method, params: message.params }).success) return null;
  return { jsonrpc: "2.0", id: message.id, error: { code: -32602, message: `Invalid params for ${message.method}: check the request against the tool's schema.` } };
}
