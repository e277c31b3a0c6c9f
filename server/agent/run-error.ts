// Turns whatever a model call threw into a message safe to show and store: the provider's own words, with anything
// that looks like a credential removed, and never a stack trace.
import { APICallError, RetryError } from "ai";
import { isAppError } from "@/server/errors";

const secretPatterns: Array<[RegExp, string]> = [
  [/\b(sk|pk|rk|ak)-[A-Za-z0-9_-]{4,}/g, "[redacted]"],
  [/\bBearer\s+[^\s"',]+/gi, "Bearer [redacted]"],
  [/\b(api[_-]?key|token|secret|password)(["']?\s*[:=]\s*["']?)[^\s"',&]+/gi, "$1$2[redacted]"],
];

export function redactSecrets(text: string): string {
  return secretPatterns.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text).slice(0, 2_000);
}

function hintFor(status: number | undefined): string {
  if (status === 401 || status === 403) return "Check the model provider's API key in Settings.";
  if (status === 404) return "Check that the model name exists at this provider.";
  if (status === 429) return "The provider is limiting requests: wait a moment and try again.";
  if (status !== undefined && status >= 500) return "The provider had a problem: try again in a moment.";
  return "Check the model provider settings and try again.";
}

export function describeModelError(error: unknown): string {
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  if (APICallError.isInstance(cause)) {
    const status = cause.statusCode;
    const where = status ? `The model provider answered ${status}` : "The model provider could not be reached";
    return redactSecrets(`${where}: ${cause.message.trim().replace(/\.$/, "")}. ${hintFor(status)}`);
  }
  // Our own refusals (a provider address the network policy forbids) already say what to do.
  if (isAppError(cause)) return cause.publicMessage;
  if (cause instanceof Error && (cause.name === "TimeoutError" || /timed? ?out/i.test(cause.message))) {
    return "The model provider did not answer in time. Try again in a moment.";
  }
  if (cause instanceof Error && cause.name.startsWith("AI_")) {
    return redactSecrets(`The model's answer could not be used: ${cause.message}`);
  }
  return "The model call failed. Try again, and check the model provider settings if it persists.";
}

/** A tool failure as the model and the logs see it. */
export function describeToolError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return redactSecrets(message || "The tool failed without a message.");
}
