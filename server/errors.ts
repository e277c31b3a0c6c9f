// One error type for the whole server: codes are `type:surface`, statuses come from the type.
import { DrizzleQueryError } from "drizzle-orm";

export type ErrorType =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limit"
  | "unavailable"
  | "internal";

export type ErrorCode = `${ErrorType}:${string}`;

const statusByType: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limit: 429,
  unavailable: 503,
  internal: 500,
};

/** Surfaces whose details are logged but never shown to a user. */
const hiddenSurfaces = new Set(["database", "crypto", "kv", "internal"]);

const defaultMessages: Record<ErrorType, string> = {
  bad_request: "The request could not be processed. Check the input and try again.",
  unauthorized: "You need to sign in to continue.",
  forbidden: "You do not have permission to do this. Ask a workspace owner or admin.",
  not_found: "The requested item was not found.",
  conflict: "This conflicts with something that already exists.",
  rate_limit: "Too many requests. Wait a moment and try again.",
  unavailable: "The service is temporarily unavailable. Try again in a moment.",
  internal: "Something went wrong on our side. Try again, and contact support if it persists.",
};

export class AppError extends Error {
  readonly type: ErrorType;
  readonly surface: string;
  readonly status: number;
  /** Seconds a client should wait, for rate_limit errors. */
  readonly retryAfter?: number;

  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown; retryAfter?: number }) {
    const [type, surface] = code.split(":") as [ErrorType, string];
    super(message ?? defaultMessages[type], { cause: options?.cause });
    this.name = "AppError";
    this.type = type;
    this.surface = surface;
    this.status = statusByType[type];
    this.retryAfter = options?.retryAfter;
  }

  get code(): ErrorCode {
    return `${this.type}:${this.surface}`;
  }

  /** What a user may see: hidden surfaces get the generic message for their type. */
  get publicMessage(): string {
    return hiddenSurfaces.has(this.surface) ? defaultMessages[this.type] : this.message;
  }

  toResponse(): Response {
    const headers: Record<string, string> = {};
    if (this.retryAfter) headers["Retry-After"] = String(this.retryAfter);
    return Response.json({ code: this.code, message: this.publicMessage }, { status: this.status, headers });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Log-only detail for anything that is not already a safe AppError. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) {
    if (hiddenSurfaces.has(error.surface)) console.error(`[${error.code}]`, error.message, error.cause ?? "");
    return error;
  }
  if (hasCode(error, unstorableTextCodes)) {
    // PostgreSQL text cannot hold NUL (and rejects invalid UTF-8): the input is at fault, not the server.
    return new AppError("bad_request:text", "The text contains a character that cannot be stored (such as \\u0000). Remove it and try again.");
  }
  if (isDatabaseUnreachable(error)) {
    console.error("[unavailable:database]", describeCause(error));
    return new AppError("unavailable:database", undefined, { cause: error });
  }
  console.error("[internal:unhandled]", error);
  return new AppError("internal:internal");
}

// Connection-level failures (not query errors): the database is down or restarting, so the answer is "try again"
// (503), not "we broke" (500). postgres.js's own codes and PostgreSQL's connection and shutdown classes always
// count; plain socket codes only inside a failed query, since a client hanging up on us raises ECONNRESET too.
const driverCodes = new Set(["CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "57P01", "57P02", "57P03"]);
const socketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);

export function isDatabaseUnreachable(error: unknown): boolean {
  let inQuery = false;
  for (let e: unknown = error, i = 0; e && typeof e === "object" && i < 6; e = (e as { cause?: unknown }).cause, i++) {
    if (e instanceof DrizzleQueryError) inQuery = true;
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (driverCodes.has(code) || /^08/.test(code)) return true;
    if (inQuery && socketCodes.has(code)) return true;
  }
  return false;
}

const unstorableTextCodes = new Set(["22021", "22P05"]);

function hasCode(error: unknown, codes: Set<string>): boolean {
  for (let e: unknown = error, i = 0; e && typeof e === "object" && i < 6; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && codes.has(code)) return true;
  }
  return false;
}

/** The socket-level reason only: the query text and its parameters (user data) stay out of the log. */
function describeCause(error: unknown): string {
  let e = error as { message?: string; code?: string; cause?: unknown } | undefined;
  for (let i = 0; e?.cause && i < 5; i++) e = e.cause as typeof e;
  return `${e?.code ?? ""} ${e?.message ?? ""}`.trim();
}
