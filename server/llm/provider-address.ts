// A provider's base URL is checked against the address policy when it is saved, not only when it is used: a hosted
// deployment should refuse "http://169.254.169.254/v1" in the form, where the person can still fix it.
import "server-only";
import { AppError, isAppError } from "@/server/errors";
import { assertPublicUrl } from "@/server/mcp/client/ssrf/assert-public-url";
import { resolveBaseUrl } from "./provider-kinds";
import type { ProviderInput } from "./provider-input";

export async function assertProviderAddress(input: Pick<ProviderInput, "kind" | "baseUrl">): Promise<void> {
  const baseUrl = resolveBaseUrl(input.kind, input.baseUrl);
  if (!baseUrl) return;
  try {
    await assertPublicUrl(baseUrl);
  } catch (error) {
    if (!isAppError(error)) throw error;
    // The guard's own words say what to do (a public URL, or MCP_ALLOW_PRIVATE_NETWORK for the operator).
    throw new AppError(error.code.startsWith("forbidden") ? "forbidden:model_provider" : "bad_request:model_provider", `Base URL: ${error.message}`, { cause: error });
  }
}
