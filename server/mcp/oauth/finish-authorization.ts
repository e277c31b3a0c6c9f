// The callback's work: find the flow by its `state`, check that the person finishing it is the one who started it,
// only then take the state (once), check `iss`, exchange the code (PKCE verifier, `resource`), store the tokens
// sealed, list the tools.
import "server-only";
import { getDb } from "@/server/db";
import { getMcpServer, updateMcpServer } from "@/server/db/queries/mcp-servers";
import type { McpServer } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { createGuardedFetch } from "@/server/mcp/client/ssrf/guarded-fetch";
import { fetchServerTools } from "@/server/mcp/servers/server-tools";
import { openServerUrl } from "@/server/mcp/servers/server-url";
import { describeOAuthError } from "./describe-oauth-error";
import { exchangeCode } from "./exchange-code";
import { peekFlowState, takeFlowState, type FlowDisplay } from "./flow-state";
import { createMcpOAuthProvider, type OAuthSession } from "./oauth-provider";
import { authorizationErrorOutcome, type OAuthReturnCode } from "./oauth-return-code";
import { assertCallbackIssuer } from "./oauth-rules";
import { clientColumns, preRegisteredClient } from "./server-oauth";
import { saveOwnerTokens, setOwnerStatus, tokenOwnerFor } from "./token-owner";

export interface CallbackOutcome {
  ok: boolean;
  /** Our own words for the popup page (the authorization server's text is never shown). */
  message: string;
  /** What the console is told in the address bar of a full-page flow. */
  reason?: OAuthReturnCode;
  /** Known once the person who started the flow finishes it: where to send them back to. */
  serverId?: string;
  display: FlowDisplay;
}

// One answer for "no such state", "already used", "nobody signed in" and "someone else's": a stranger holding a
// state learns nothing from it (not even that it exists, nor the server it is for).
const refusal: CallbackOutcome = {
  ok: false,
  display: "page",
  message:
    "This authorization cannot be finished here: it expired, was already used, or was started by another account. " +
    "Sign in as the person who started it and press Authorize again.",
};

export async function finishServerAuthorization({ params, userId }: { params: URLSearchParams; userId: string | null }): Promise<CallbackOutcome> {
  const state = params.get("state");
  if (!state) return { ok: false, display: "page", message: "This authorization reply has no state. Start again from Tools → MCP." };
  // Looked at first and taken only by its owner: another person's callback must neither learn about the flow nor
  // use it up (a stolen or leaked callback URL would otherwise cancel the owner's authorization).
  const found = await peekFlowState(state);
  if (!found || !userId || found.userId !== userId) return refusal;
  // Taken atomically: of two parallel callbacks by the owner, one wins.
  const flow = await takeFlowState(state);
  if (!flow) return refusal;
  const fail = (message: string, reason: OAuthReturnCode): CallbackOutcome => ({ ok: false, display: flow.display, serverId: flow.serverId, message, reason });

  const db = await getDb();
  const server = await getMcpServer(db, { workspaceId: flow.workspaceId, id: flow.serverId });
  // A flow started for one kind of connection never lands in the other: a person's own account must not become the
  // workspace's shared connection.
  if (!server || openServerUrl(server) !== flow.serverUrl || (server.credentialScope === "per_person") !== (flow.perPerson ?? false)) {
    return fail("This server was removed or its URL or credentials changed while you were authorizing. Try again.", "server_changed");
  }
  const owner = tokenOwnerFor(server, flow.userId);
  const setStatus = (status: "error" | "needs_authorization", reason: string) => setOwnerStatus(db, server, owner, { status, reason });

  const error = params.get("error");
  if (error) {
    const { reason, text } = authorizationErrorOutcome(error);
    // Declining is the person's choice, not the server's fault: the server still "Needs authorization" (a server whose
    // earlier tokens still work stays connected).
    if (reason !== "access_denied") await setStatus("error", text);
    else if (owner.kind === "person" || server.status !== "connected") await setStatus("needs_authorization", text);
    return fail(text, reason);
  }
  const code = params.get("code");
  if (!code) return fail("The authorization server sent neither a code nor an error. Press Authorize again.", "no_code");

  const session: OAuthSession = { clientInformation: flow.clientInformation, discovery: flow.discovery, codeVerifier: flow.codeVerifier };
  try {
    assertCallbackIssuer(params.get("iss"), flow.discovery?.authorizationServerMetadata);
    const provider = createMcpOAuthProvider(session, { redirectUrl: flow.redirectUri, preRegistered: preRegisteredClient(server) });
    await exchangeCode(provider, session, { serverUrl: flow.serverUrl, code, fetchFn: createGuardedFetch() });
  } catch (cause) {
    const reason = describeOAuthError(cause, server.name);
    await setStatus("error", reason);
    return fail(reason, "exchange_failed");
  }

  await saveOwnerTokens(db, server, owner, {
    tokens: session.tokens!,
    discovery: session.discovery,
    extra: { ...clientColumns(server, session), ...(server.authMode === "none" ? { authMode: "oauth_auto" as const } : {}) },
  });
  const saved = await getMcpServer(db, { workspaceId: server.workspaceId, id: server.id });
  const listed = await listFirstTools(saved!, flow.userId);
  return { ok: true, display: flow.display, serverId: server.id, message: listed.message, reason: listed.ok ? "connected" : "tools_failed" };
}

/** A server authorized for the first time shows its tools at once; a known list changes only through Update tools. */
async function listFirstTools(server: McpServer, userId: string): Promise<{ ok: boolean; message: string }> {
  try {
    const tools = await fetchServerTools(server, { userId });
    if (server.tools.length === 0) {
      await updateMcpServer(await getDb(), { workspaceId: server.workspaceId, id: server.id, tools, toolsUpdatedAt: new Date() });
    }
    return { ok: true, message: `${server.name} is connected.` };
  } catch (error) {
    const detail = error instanceof AppError ? `: ${error.publicMessage}` : ".";
    return { ok: false, message: `${server.name} is authorized, but listing its tools failed${detail}` };
  }
}
