// Every request to a model provider. Its base URL is the user's to choose, so it is held to the same address policy
// as MCP and OAuth requests (MCP_ALLOW_PRIVATE_NETWORK): a hosted deployment refuses a "provider" at
// 169.254.169.254 or an internal host, and a self-hoster with Ollama on the same machine turns the switch on.
// The AI SDK sends JSON strings and reads a JSON answer or an event stream, so the lighter request transport fits.
import "server-only";
import { createGuardedFetch } from "@/server/mcp/client/ssrf/guarded-fetch";

export const providerFetch = createGuardedFetch({ transport: "request" });
