// Plain GET requests to a provider's API, and turning any failure into the sentence a person sees.
// The provider's own error message is kept (OpenAI, Anthropic and most compatible servers send
// `{ "error": { "message" } }`); the API key is scrubbed from every message, whoever wrote it.
import "server-only";
import { APICallError, RetryError } from "ai";
import { maskSecret } from "@/server/crypto/secret-box";
import type { ProviderKind } from "@/server/db/schema";
import { isAppError } from "@/server/errors";
import { providerFetch } from "./provider-fetch";

export interface ProviderEndpoint {
  kind: ProviderKind;
  /** Resolved API root without a trailing slash, e.g. https://api.openai.com/v1. */
  baseUrl: string;
  apiKey: string | null;
}

export const defaultTimeoutMs = 15_000;

/** A non-2xx answer, with the body kept to read the provider's own message from. */
export class ProviderHttpError extends Error {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly body: string,
  ) {
    super(`HTTP ${status}`);
    this.name = "ProviderHttpError";
  }
}

function authHeaders({ kind, apiKey }: ProviderEndpoint): Record<string, string> {
  // Anthropic's API: https://docs.anthropic.com/en/api/versioning and /en/api/overview#authentication
  if (kind === "anthropic") return { "x-api-key": apiKey ?? "", "anthropic-version": "2023-06-01" };
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}

export async function providerGet(endpoint: ProviderEndpoint, path: string, signal: AbortSignal): Promise<unknown> {
  // Redirects to another host are refused: fetch would keep custom headers such as x-api-key across hosts.
  const response = await providerFetch(`${endpoint.baseUrl}${path}`, {
    headers: { accept: "application/json", ...authHeaders(endpoint) },
    signal,
  });
  const body = await response.text();
  if (!response.ok) throw new ProviderHttpError(response.status, response.statusText, body);
  try {
    return JSON.parse(body);
  } catch {
    throw new ProviderHttpError(response.status, "not JSON", body);
  }
}

/** The message in an error body, in the shapes providers use; null when there is none. */
export function providerMessage(body: string | undefined): string | null {
  let json: unknown;
  try {
    json = JSON.parse(body ?? "");
  } catch {
    return null;
  }
  const value = json as { error?: unknown; message?: unknown; detail?: unknown };
  const error = value?.error as { message?: unknown } | string | undefined;
  const candidates = [typeof error === "object" ? error?.message : error, value?.message, value?.detail];
  const message = candidates.find((c): c is string => typeof c === "string" && c.trim() !== "");
  return message?.trim() ?? null;
}

const unreachableReasons: Record<string, string> = {
  ECONNREFUSED: "the connection was refused",
  ENOTFOUND: "its host name does not resolve",
  EAI_AGAIN: "its host name does not resolve",
  ECONNRESET: "the connection was closed",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
  UND_ERR_SOCKET: "the connection was closed",
};

/** The first system error code in the cause chain (undici wraps them in "fetch failed"). */
function networkCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Z_]+$/.test(code)) return code;
  }
  return undefined;
}

export function scrubKey(message: string, apiKey: string | null): string {
  const scrubbed = apiKey && apiKey.length >= 4 ? message.split(apiKey).join(maskSecret(apiKey)) : message;
  return scrubbed.length > 500 ? `${scrubbed.slice(0, 497)}...` : scrubbed;
}

export function describeProviderFailure(
  error: unknown,
  { url, apiKey, signal, timeoutMs }: { url: string; apiKey: string | null; signal: AbortSignal; timeoutMs: number },
): string {
  return scrubKey(describe(error, new URL(url).host, signal, timeoutMs), apiKey);
}

function describe(error: unknown, host: string, signal: AbortSignal, timeoutMs: number): string {
  if (signal.aborted) return `Timed out after ${Number((timeoutMs / 1000).toFixed(1))} s`;
  if (RetryError.isInstance(error)) return describe(error.lastError, host, signal, timeoutMs);
  if (error instanceof ProviderHttpError || (APICallError.isInstance(error) && error.statusCode !== undefined)) {
    const status = error instanceof ProviderHttpError ? error.status : error.statusCode!;
    const body = error instanceof ProviderHttpError ? error.body : error.responseBody;
    if (status >= 300 && status < 400) return `${host} redirected the request (HTTP ${status}). Use the final address as the base URL.`;
    if (status >= 200 && status < 300) return `${host} answered, but not in the format of an OpenAI-style API. Check the base URL.`;
    const own = providerMessage(body);
    if (own) return own;
    if (APICallError.isInstance(error) && error.message && !/^Cannot connect/.test(error.message)) return error.message;
    return `${host} answered HTTP ${status}${error instanceof ProviderHttpError && error.statusText ? ` ${error.statusText}` : ""}.`;
  }
  if (isAppError(error)) return error.publicMessage;
  const code = networkCode(error);
  if (code) return `Could not reach ${host}: ${unreachableReasons[code] ?? code}.`;
  if (APICallError.isInstance(error) || (error instanceof TypeError && /fetch failed/i.test(error.message))) return `Could not reach ${host}.`;
  // Anything else (an unexpected answer shape, a TLS failure) without its details, which may echo the response.
  return `${host} gave an answer Switchyard could not use. Check the base URL.`;
}
