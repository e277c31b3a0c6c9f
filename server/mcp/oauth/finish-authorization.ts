// The callback's work: take the flow by its `state` (once), check that the person finishing it is the one who
// started it, check `iss`, exchange the code (PKCE verifier, `resource`), store the tokens sealed, list the tools.
import "server-only";
import { getDb } from "@/server/db";
import { getMcpServer, updateMcpServer } from "@/server/db/queries/mcp-servers";
import { AppError } from "@/server/errors";
import { createGuardedFetch } from "@/server/mcp/client/ssrf/guarded-fetch";
import { fetchServerTools } from "@/server/mcp/servers/server-tools";
import { openServerUrl } from "@/server/mcp/servers/server-url";
import { describeOAuthError, oauthErrorText } from "./describe-oauth-error";
import { exchangeCode } from "./exchange-code";
import { takeFlowState, type FlowDisplay } from "./flow-state";
import { createMcpOAuthProvider, type OAuthSession } from "./oauth-provider";
import { assertCallbackIssuer } from "./oauth-rules";
import { preRegisteredClient, sessionColumns } from "./server-oauth";

export interface CallbackOutcome {
  ok: boolean;
  message: string;
  /** Known once the state was found: where to send the person back to. */
  serverId?: string;
  display: FlowDisplay;
}

export async function finishServerAuthorization({ params, userId }: { params: URLSearchParams; userId: string | null }): Promise<CallbackOutcome> {
  const state = params.get("state");
  if (!state) return { ok: false, display: "page", message: "This authorization reply has no state. Start again from Tools → MCP." };
  // Read before the user check and deleted either way: a state is never usable twice, whoever holds it.
  const flow = await takeFlowState(state);
  if (!flow) return { ok: false, display: "page", message: "This authorization expired or was already used. Press Authorize again." };
  const fail = (message: string): CallbackOutcome => ({ ok: false, display: flow.display, serverId: flow.serverId, message });
  if (!userId) return fail("Sign in as the person who started this authorization, then press Authorize again.");
  if (flow.userId !== userId) return fail("This authorization was started by someone else, so it cannot be finished here. Press Authorize yourself.");

  const db = await getDb();
  const server = await getMcpServer(db, { workspaceId: flow.workspaceId, id: flow.serverId });
  if (!server || openServerUrl(server) !== flow.serverUrl) return fail("This server was removed or its URL changed while you were authorizing. Try again.");
  const setStatus = (status: "error" | "needs_authorization", reason: string) =>
    updateMcpServer(db, { workspaceId: server.workspaceId, id: server.id, status, statusReason: reason, statusAt: new Date() });

  const error = params.get("error");
  if (error) {
    const reason = oauthErrorText(error.slice(0, 100), params.get("error_description"));
    await setStatus("error", reason);
    return fail(reason);
  }
  const code = params.get("code");
  if (!code) return fail("The authorization server sent neither a code nor an error. Press Authorize again.");

  const session: OAuthSession = { clientInformation: flow.clientInformation, discovery: flow.discovery, codeVerifier: flow.codeVerifier };
  try {
    assertCallbackIssuer(params.get("iss"), flow.discovery?.authorizationServerMetadata);
    const provider = createMcpOAuthProvider(session, { redirectUrl: flow.redirectUri, preRegistered: preRegisteredClient(server) });
    await exchangeCode(provider, session, { serverUrl: flow.serverUrl, code, fetchFn: createGuardedFetch() });
  } catch (cause) {
    const reason = describeOAuthError(cause, server.name);
    await setStatus("error", reason);
    return fail(reason);
  }

  const saved = await updateMcpServer(db, {
    workspaceId: server.workspaceId,
    id: server.id,
    ...sessionColumns(server, session),
    authMode: server.authMode === "none" ? "oauth_auto" : server.authMode,
    status: "connected",
    statusReason: null,
    statusAt: new Date(),
  });
  return { ok: true, display: flow.display, serverId: server.id, message: await listFirstTools(saved!) };
}

/** A server authorized for the first time shows its tools at once; a known list changes only through Update tools. */
async function listFirstTools(server: NonNullable<Awaited<ReturnType<typeof updateMcpServer>>>): Promise<string> {
  try {
    const tools = await fetchServerTools(server);
    if (server.tools.length === 0) {
      await updateMcpServer(await getDb(), { workspaceId: server.workspaceId, id: server.id, tools, toolsUpdatedAt: new Date() });
    }
    return `${server.name} is connected.`;
  } catch (error) {
    return error instanceof AppError ? `${server.name} is authorized, but listing its tools failed: ${error.publicMessage}` : `${server.name} is authorized.`;
  }
}
