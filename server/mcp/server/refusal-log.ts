// Requests refused for a missing or wrong API key or sign-in token, or a signed-in person who may not call, are
// logged too, so an owner sees a client that is set up wrong (or someone trying keys). At most one row per client per minute, and a few per server, counted in the KV store:
// refused requests cost nothing to send, and must not be able to flood the log.
import "server-only";
import { clientAddress } from "@/server/client-address/client-address";
import { hashToken } from "@/server/crypto/tokens";
import type { Kv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";
import type { OauthCaller } from "./access";
import { recordCall } from "./call-log";
import type { Endpoint } from "./endpoint";

const windowSeconds = 60;
/** Rows per server per minute, whatever the number of clients (a client can change its address and name). */
const perServerLimit = 20;

export async function logRefusal(
  kv: Kv,
  {
    request,
    endpoint,
    bearer,
    startedAt,
    error,
    caller = null,
  }: { request: Request; endpoint: Pick<Endpoint, "serverKey" | "appId" | "workspaceId" | "kind">; bearer: string | null; startedAt: number; error: string; caller?: OauthCaller | null },
): Promise<void> {
  const userAgent = request.headers.get("user-agent");
  // The key itself stays out of the log and out of the KV store: only its hash identifies the client.
  const client = hashToken(`${bearer ?? ""}|${userAgent ?? ""}|${clientAddress(request.headers) ?? ""}`);
  try {
    const perClient = await kv.incr(kvKeys.rateLimit("mcp_refusal_log", `${endpoint.serverKey}|${client}`), windowSeconds);
    if (perClient.count > 1) return;
    const perServer = await kv.incr(kvKeys.rateLimit("mcp_refusal_log_server", endpoint.serverKey), windowSeconds);
    if (perServer.count > perServerLimit) return;
  } catch {
    // Without the store there is no count: better to miss a refusal than to let them flood the log.
    return;
  }
  recordCall({
    appId: endpoint.appId,
    workspaceId: endpoint.workspaceId,
    workspaceServer: endpoint.kind === "workspace",
    // The body of a refused request is never read.
    method: "",
    outcome: "refused",
    error,
    startedAt,
    clientName: userAgent,
    caller,
  });
}
