// What leaves the endpoint as a JSON-RPC error never carries an exception's own text (MCP.md).
import "server-only";
import { ErrorCode, isJSONRPCErrorResponse, type JSONRPCErrorResponse, type JSONRPCMessage, type RequestId } from "@modelcontextprotocol/sdk/types.js";

/** The SDK answers an unexpected throw with -32603 and the exception's text: callers get a plain message instead. */
export function withoutInternals<M extends JSONRPCMessage>(message: M): M {
  if (!isJSONRPCErrorResponse(message) || message.error.code !== ErrorCode.InternalError) return message;
  console.error("[mcp_server:internal]", message.error.message);
  return { ...message, error: { code: ErrorCode.InternalError, message: "Internal error: the request could not be processed. Try again later." } };
}

/** A handler's throw as the SDK would answer it (its `code` when it has one, else -32603, and its `data`), without internals. */
export function errorAnswer(id: RequestId, error: unknown): JSONRPCErrorResponse {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  const data = (error as { data?: unknown })?.data !== undefined ? { data: (error as { data: unknown }).data } : {};
  return withoutInternals({ jsonrpc: "2.0", id, error: { code: Number.isSafeInteger(code) ? (code as number) : ErrorCode.InternalError, message, ...data } });
}
