// What the browser sees at the end of an authorization: in a popup, a short page that tells the console (opener
// message and BroadcastChannel) and closes itself once the console has been told (success, decline or error); in a full-page flow, a redirect back to the server's
// detail sheet. Never a blank page: every outcome has words and a link back.
import { randomBytes } from "node:crypto";
import type { CallbackOutcome } from "./finish-authorization";

export const oauthChannel = "switchyard-mcp-oauth";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

// Only codes in the address bar: the console words them itself (see oauth-return-code.ts).
function toolsUrl(outcome: CallbackOutcome): string {
  const params = new URLSearchParams({ oauth: outcome.ok ? "connected" : "error" });
  if (outcome.reason) params.set("reason", outcome.reason);
  if (outcome.serverId) params.set("server", outcome.serverId);
  return `/tools?${params}`;
}

export function callbackResponse(outcome: CallbackOutcome, appUrl: string): Response {
  const headers = { "cache-control": "no-store" };
  if (outcome.display === "page" && outcome.serverId) {
    return new Response(null, { status: 303, headers: { ...headers, location: new URL(toolsUrl(outcome), appUrl).toString() } });
  }
  const message = { type: "switchyard:mcp-oauth", ok: outcome.ok, serverId: outcome.serverId ?? null, message: outcome.message, reason: outcome.reason ?? null };
  // JSON inside a script: "<" escaped so no value can close the tag.
  const data = JSON.stringify(message).replace(/</g, "\\u003c");
  const title = outcome.ok ? "Connected" : "Authorization did not finish";
  // This page's own CSP: only its one script (by nonce) runs; nothing else loads.
  const nonce = randomBytes(16).toString("base64");
  // img-src 'self' for the app's own icon only: without a named icon the browser asks for /favicon.ico, a 404.
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Switchyard</title><link rel="icon" href="/icon.svg" type="image/svg+xml">
<style>body{font:15px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#fafafa;color:#18181b}
main{max-width:28rem;padding:2rem;border:1px solid #e4e4e7;border-radius:12px;background:#fff}h1{font-size:1.15rem;margin:0 0 .5rem}
a{color:#4f46e5}</style></head>
<body><main><h1>${title}</h1><p data-testid="oauth-message">${escapeHtml(outcome.message)}</p>
<p>${outcome.serverId ? "This window closes by itself. " : ""}<a href="${escapeHtml(toolsUrl(outcome))}">Back to Switchyard</a></p></main>
<script nonce="${nonce}">(function(){var m=${data};
try{new BroadcastChannel(${JSON.stringify(oauthChannel)}).postMessage(m)}catch(e){}
try{if(window.opener)window.opener.postMessage(m,location.origin)}catch(e){}
if(m.serverId&&window.opener)setTimeout(function(){window.close()},m.ok?400:1200);})();</script>
</body></html>`;
  // The person's own flow ended (connected, declined, refused): an answer, so 200; only a stranger's or unknown
  // state is refused with 400.
  return new Response(html, {
    status: outcome.ok || outcome.serverId ? 200 : 400,
    headers: { ...headers, "content-type": "text/html; charset=utf-8", "content-security-policy": csp },
  });
}
