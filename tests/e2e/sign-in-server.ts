// Shared by the OAuth specs: a published chat app whose MCP server takes "Switchyard sign-in", and the MCP SDK
// client's own OAuth flow against it with a person approving in the browser.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, type Page } from "@playwright/test";
import { approveInBrowser, authorizationResponse } from "../support/oauth-browser";
import type { ScriptedLlm } from "../support/scripted-llm";
import { TestOAuthProvider } from "../support/test-oauth-provider";
import { api, chatApp } from "./published-app";

export const toolName = "forecast";

/** Signs a publisher up, publishes a chat app and turns its server on in sign-in mode. */
export async function signInServer(page: Page, llm: ScriptedLlm, name = "Forecaster") {
  const app = await chatApp(page, llm, name);
  return { appId: app.id, url: await publishWithSignIn(page, app.id), user: app.user };
}

/** A copy of an app in the same workspace, published as a second sign-in server (its own endpoint and resource). */
export async function secondSignInServer(page: Page, appId: string) {
  const { id } = await api<{ id: string }>(page, "apps.duplicate", { id: appId });
  return { appId: id, url: await publishWithSignIn(page, id) };
}

async function publishWithSignIn(page: Page, appId: string) {
  await api(page, "apps.publish", { id: appId });
  const { url } = await api<{ url: string }>(page, "publishedServers.enable", {
    appId,
    toolName,
    toolDescription: "Forecasts the weather.",
    parameterDescriptions: { city: "The city." },
  });
  await api(page, "publishedServers.setAccess", { appId, mode: "sign_in" });
  return url;
}

export const sdkClientInfo = { name: "e2e-sdk-client", version: "1.0.0" };

/**
 * The SDK client's flow as its docs describe it: connect, get UnauthorizedError (auth() has discovered, registered
 * and sent the "browser" to the authorization URL), let the person approve in `page`, finishAuth(code), connect again.
 */
export async function connectWithSignIn({
  page,
  url,
  provider,
  user,
}: {
  page: Page;
  url: string;
  provider: TestOAuthProvider;
  user?: { email: string; password: string };
}) {
  // The console page the person was on, to return to afterwards (the console API helpers call from its origin).
  const consolePage = /^https?:/.test(page.url()) ? page.url() : null;
  const first = new StreamableHTTPClientTransport(new URL(url), { authProvider: provider });
  await expect(new Client(sdkClientInfo).connect(first)).rejects.toBeInstanceOf(UnauthorizedError);
  const authorizationUrl = await provider.authorizationUrl();
  const callback = await approveInBrowser(page, authorizationUrl, { redirectUri: provider.redirectUrl, user });
  const response = authorizationResponse(callback);
  if (consolePage) await page.goto(consolePage);
  await first.finishAuth(response.code);
  const client = new Client(sdkClientInfo);
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { authProvider: provider }));
  return { client, authorizationUrl, response };
}

/** One tools/call through `client`, returning the answer the scripted model gave. */
export async function callForecast(client: Client) {
  const result = await client.callTool({ name: toolName, arguments: { query: "Weather?", city: "Oslo" } });
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  return result.structuredContent as { answer: string };
}

/** A raw MCP request with a bearer token, as any client would send it: for status checks without a client's retries. */
export function pingWithToken(url: string, token: string) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${token}` },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
  });
}
