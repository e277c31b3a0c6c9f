// A pending authorization, kept in the KV store under its `state` so any instance can finish it: 10 minutes, taken
// once (getDel) by the person who started it, bound to the user, workspace and server that started it. Sealed, because it carries the PKCE
// verifier and possibly a freshly registered client secret.
import "server-only";
import type { OAuthDiscoveryState } from "@modelcontextprotocol/sdk/client/auth.js";
import type { OAuthClientInformationMixed } from "@modelcontextprotocol/sdk/shared/auth.js";
import { openSecret, sealSecret } from "@/server/crypto/secret-box";
import { getKv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";

export const flowTtlSeconds = 600;
const aad = "mcp_oauth:flow";

export type FlowDisplay = "popup" | "page";

export interface FlowState {
  workspaceId: string;
  userId: string;
  serverId: string;
  serverUrl: string;
  redirectUri: string;
  codeVerifier: string;
  discovery?: OAuthDiscoveryState;
  /** The client this flow used; saved on the server only once the flow succeeds. */
  clientInformation?: OAuthClientInformationMixed;
  display: FlowDisplay;
  /** Started for the person's own connection to a per-person server (absent: the shared connection). */
  perPerson?: boolean;
}

export async function saveFlowState(state: string, flow: FlowState, ttlSeconds = flowTtlSeconds): Promise<void> {
  await getKv().set(kvKeys.oauthState(state), sealSecret(JSON.stringify(flow), aad), { ttlSeconds });
}

/** Reads the flow without using it up: someone else's callback must leave it for its owner. */
export async function peekFlowState(state: string): Promise<FlowState | null> {
  const sealed = await getKv().get(kvKeys.oauthState(state));
  return sealed ? (JSON.parse(openSecret(sealed, aad)) as FlowState) : null;
}

/** Returns the flow and forgets it: a second use of the same state finds nothing. */
export async function takeFlowState(state: string): Promise<FlowState | null> {
  const sealed = await getKv().getDel(kvKeys.oauthState(state));
  return sealed ? (JSON.parse(openSecret(sealed, aad)) as FlowState) : null;
}
