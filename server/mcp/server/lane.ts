// What both protocol lanes share once a request has passed the endpoint's own checks (handle-request.ts): the
// active version, who the client is for cancellations, and the context the tool's handlers run in.
import "server-only";
import { isJSONRPCNotification, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { clientAddress } from "@/server/client-address/client-address";
import { hashToken } from "@/server/crypto/tokens";
import type { OauthCaller } from "./access";
import type { Kv } from "@/server/kv";
import { getPublishedTool } from "./build-tool";
import type { ClientAsking } from "./call-elicitation";
import type { Endpoint } from "./endpoint";
import { cancelCall, callKey } from "./cancellations";
import type { RequestLedger } from "./request-ledger";
import type { ServerContext } from "./tool-call";

export interface LaneParams {
  request: Request;
  endpoint: Endpoint;
  /** The body, parsed and depth-checked. */
  raw: unknown;
  bearer: string | null;
  /** Sign-in mode: the person and client the access token was issued to (access.ts); null in the other modes. */
  caller: OauthCaller | null;
  kv: Kv;
  rateLimit: { limit: number; windowSeconds: number };
  cancelPollMs: number;
  /** How a call asks a client that can be asked (call-elicitation.ts): poll interval and limit. */
  asking: ClientAsking;
}

/**
 * What identifies the caller's authorization for tasks and cancellations: the API key, or for a signed-in caller
 * the grant, which outlives each short-lived access token (a client that refreshed its token still finds its task).
 */
export function callerCredential({ bearer, caller }: Pick<LaneParams, "bearer" | "caller">): string | null {
  return caller ? `oauth-grant:${caller.grantId}` : bearer;
}

/** A client without a session (every 2026-07-28 client, 2025 clients that drop it): its key, agent and address. */
export function anonymousScope(request: Request, credential: string | null): string {
  return hashToken(`${credential ?? ""}|${request.headers.get("user-agent") ?? ""}|${clientAddress(request.headers) ?? ""}`);
}

/** notifications/cancelled stops the call wherever it runs (cancellations.ts). */
export async function passCancellations(messages: JSONRPCMessage[], { serverKey, clientScope, kv }: { serverKey: string; clientScope: string; kv: Kv }) {
  for (const message of messages) {
    if (!isJSONRPCNotification(message) || message.method !== "notifications/cancelled") continue;
    const requestId = (message.params as { requestId?: unknown } | undefined)?.requestId;
    if (typeof requestId === "string" || typeof requestId === "number") await cancelCall(callKey({ serverKey, clientScope, requestId }), kv);
  }
}

/** The request's log lines: the server they belong to (a workspace server's line names its app once a call does). */
export function ledgerBase(endpoint: Endpoint, caller: OauthCaller | null) {
  return { appId: endpoint.appId, workspaceId: endpoint.workspaceId, workspaceServer: endpoint.kind === "workspace", caller };
}

/** Tasks run on app servers only: a task is stored against its app, and the workspace server has many. */
export function taskContext(endpoint: Endpoint, tasks: NonNullable<ServerContext["tasks"]>): ServerContext["tasks"] {
  return endpoint.kind === "app" ? tasks : undefined;
}

export function serverContext(
  endpoint: Endpoint,
  {
    request,
    protocolVersion,
    clientScope,
    kv,
    cancelPollMs,
    ledger,
    tasks,
    personId,
    askClient = null,
    connectByUrl = false,
  }: {
    request: Request;
    protocolVersion: string;
    clientScope: string;
    kv: Kv;
    cancelPollMs: number;
    ledger: RequestLedger;
    tasks: ServerContext["tasks"];
    personId: string | null;
    askClient?: ClientAsking | null;
    connectByUrl?: boolean;
  },
): ServerContext {
  return {
    serverKey: endpoint.serverKey,
    workspaceId: endpoint.workspaceId,
    appId: endpoint.appId,
    workspaceServer: endpoint.kind === "workspace",
    info: endpoint.info,
    instructions: endpoint.instructions,
    tools: endpoint.apps.map(getPublishedTool),
    protocolVersion,
    requestSignal: request.signal,
    clientScope,
    kv,
    cancelPollMs,
    ledger,
    tasks,
    personId,
    approvalPolicy: endpoint.approvalPolicy,
    askClient,
    connectByUrl,
  };
}
