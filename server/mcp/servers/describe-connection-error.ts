// What went wrong reaching a server, in words a person (or a model) can act on; never headers or tokens.
import { SdkError, SdkErrorCode, SdkHttpError, SseError, UnauthorizedError } from "@modelcontextprotocol/client";
import { isAppError } from "@/server/errors";

export function describeConnectionError(thrown: unknown, serverName: string): string {
  const error = ownCause(thrown);
  if (isAppError(error)) return error.publicMessage;
  if (error instanceof UnauthorizedError) return `${serverName} needs authorization. Authorize it under Tools -> MCP.`;
  const status = httpStatus(error);
  if (status !== undefined || error instanceof SseError) {
    if (status === 401 || status === 403) return `${serverName} refused the connection (HTTP ${status}). Check its headers or authorization.`;
    return `${serverName} answered HTTP ${status ?? "error"} to the connection.`;
  }
  if (error instanceof SdkError && error.code === SdkErrorCode.RequestTimeout) return `${serverName} did not answer in time.`;
  const cause = networkCode(error);
  if (cause === "ECONNREFUSED") return `Could not connect to ${serverName}: the connection was refused.`;
  if (cause === "ENOTFOUND" || cause === "EAI_AGAIN") return `Could not connect to ${serverName}: its host name does not resolve.`;
  if (cause === "ECONNRESET") return `${serverName} closed the connection.`;
  if (error instanceof Error && error.name === "AbortError") return "Stopped: the run was cancelled.";
  return `Could not connect to ${serverName}.`;
}

/** The status a failed connection leaves a server in: an authorization problem is not a broken server. */
export function statusForError(thrown: unknown): "needs_authorization" | "error" {
  const error = ownCause(thrown);
  if (isAppError(error)) return error.code === "unauthorized:mcp_oauth" ? "needs_authorization" : "error";
  if (error instanceof UnauthorizedError) return "needs_authorization";
  if (httpStatus(error) === 401) return "needs_authorization";
  return "error";
}

/** The HTTP status a transport error carries: SdkHttpError (Streamable HTTP, v2) or SseError. */
function httpStatus(error: unknown): number | undefined {
  if (error instanceof SdkHttpError) return error.status;
  if (error instanceof SseError) return error.code;
  return undefined;
}

/** The first system error code (ECONNREFUSED, ...) along the cause chain; fetch and the SDK wrap it a few times. */
function networkCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== "object" || depth > 6) return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown[] };
  // SDK errors carry string codes of their own (ERA_NEGOTIATION_FAILED); the system's sit further down the chain.
  if (typeof code === "string" && /^E[A-Z_]+$/.test(code) && !(error instanceof SdkError)) return code;
  const fromMessage = error instanceof Error ? /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET)\b/.exec(error.message)?.[1] : undefined;
  return fromMessage ?? networkCode(cause, depth + 1) ?? errors?.map((e) => networkCode(e, depth + 1)).find(Boolean);
}

/**
 * Our own error (an OAuth token that cannot be refreshed, an address refused) when the SDK wrapped it: the v2
 * client's negotiation reports a failed probe as SdkError(EraNegotiationFailed) with the fetch's error as cause.
 */
function ownCause(error: unknown, depth = 0): unknown {
  if (!(error instanceof SdkError) || depth > 4) return error;
  const cause = error.cause ?? (error.data as { cause?: unknown } | undefined)?.cause;
  if (isAppError(cause) || cause instanceof UnauthorizedError || cause instanceof SdkError) return ownCause(cause, depth + 1);
  return error;
}
