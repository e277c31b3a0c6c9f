import "server-only";
import { createHash } from "node:crypto";

// The only place KV keys are built, so two features can never pick the same key by accident.
// Values a user supplies (emails, addresses, ids, OAuth state) are hashed: fixed length, no spaces or
// separators, and an email or token never sits in the store in the clear. Names chosen in code are checked.

/** sha256, first 32 hex characters (128 bits): collisions are out of reach, keys stay short. */
function hash(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 32);
}

const namePattern = /^[A-Za-z0-9._:-]{1,200}$/;

function name(value: string): string {
  if (!namePattern.test(value)) throw new Error(`Invalid KV key name: ${JSON.stringify(value.slice(0, 50))}`);
  return value;
}

export const kvKeys = {
  /** Failed sign-ins per email and client address; the email is normalized so case does not split the count. */
  signInFailures: (email: string, ip: string) => `signin:fail:${hash(email.trim().toLowerCase())}:${hash(ip)}`,
  /** Failed sign-ins per email from any address (the account's backoff counts these). */
  signInAccountFailures: (email: string) => `signin:acct:${hash(email.trim().toLowerCase())}`,
  /** Set while an account's next sign-in attempt must wait; holds the time (ms) the wait ends. */
  signInBackoff: (email: string) => `signin:wait:${hash(email.trim().toLowerCase())}`,
  /** An address (limit subject) this email signed in from before: exempt from the account's backoff. */
  signInKnownAddress: (email: string, subject: string) => `signin:known:${hash(email.trim().toLowerCase())}:${hash(subject)}`,
  /** One fixed-window counter per bucket (a code-chosen name such as "mcp_server") and caller id. */
  rateLimit: (bucket: string, id: string) => `rl:${name(bucket)}:${hash(id)}`,
  /** A named mutex; `name` may carry ids, e.g. `oauth-refresh:<connectionId>`. */
  lock: (lockName: string) => `lock:${name(lockName)}`,
  /** Pending OAuth authorization, keyed by its state parameter (single use, see getDel). */
  oauthState: (state: string) => `oauth:state:${hash(state)}`,
  /** A cached value: `cacheName` chosen in code, `id` whatever identifies the entry. */
  cache: (cacheName: string, id: string) => `cache:${name(cacheName)}:${hash(id)}`,
  /** An MCP App's HTML, read for Debug & Preview and served once framed (app/mcp/app-view); the token is the secret. */
  appView: (token: string) => `mcp:app-view:${hash(token)}`,
  /** A published MCP server call cancelled on another instance; `callKey` names the app, client and request id. */
  mcpCancel: (callKey: string) => `mcp:cancel:${hash(callKey)}`,
  /** A Debug & Preview tool call waiting for its person's Approve / Deny (server/apps/preview-approval.ts). */
  previewApproval: (messageId: string, callId: string) => `preview:approval:${hash(`${messageId}|${callId}`)}`,
  /** The decision on that call, written by whichever instance served the person's click. */
  previewDecision: (messageId: string, callId: string) => `preview:decision:${hash(`${messageId}|${callId}`)}`,
  /** Set while a published call waits for its client's answer to a request we sent; `askKey` names server, client and id. */
  mcpAskWaiting: (askKey: string) => `mcp:ask:wait:${hash(askKey)}`,
  /** The client's answer to that request, left by whichever instance it reached, for the waiting call to take. */
  mcpAskAnswer: (askKey: string) => `mcp:ask:answer:${hash(askKey)}`,
  /** What a paused 2026-07-28 call did after one of its questions (round-trips.ts): its next question or its answer. */
  mcpRoundTurn: (turnKey: string) => `mcp:round:turn:${hash(turnKey)}`,
  /** Kept fresh while that call runs, so a retry can tell a slow call from one whose instance died. */
  mcpRoundAlive: (roundKey: string) => `mcp:round:alive:${hash(roundKey)}`,
  /** Changes with every change to what an app's published endpoint serves; instances compare it to their cache. */
  endpointGeneration: (serverKey: string) => `mcp:endpoint-gen:${hash(serverKey)}`,
  /** The tool set a client of the workspace server last listed (server/mcp/server/list-changed.ts). */
  listedTools: (serverKey: string, clientScope: string) => `mcp:listed:${hash(`${serverKey}|${clientScope}`)}`,
};
