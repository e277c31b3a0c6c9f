// Shared by the publishing and scale-out specs: a chat app on the scripted model, and MCP calls against it.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, type Page } from "@playwright/test";
import type { ScriptedLlm } from "../support/scripted-llm";
import { newUser, SignUpPage } from "./pages/auth-pages";

/** A console API call with the browser's session, as the console's own pages make them (with their Origin). */
export async function api<T>(page: Page, path: string, input: unknown): Promise<T> {
  const origin = new URL(page.url()).origin;
  expect(origin, "open a console page before calling the API").toMatch(/^https?:/);
  const response = await page.request.post(`${origin}/api/trpc/${path}`, { data: { json: input }, headers: { origin } });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()).result.data.json as T;
}

/** A console API query (GET), with the browser's session. */
export async function query<T>(page: Page, path: string, input: unknown): Promise<T> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.get(`${origin}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()).result.data.json as T;
}

export async function connect(url: string, fetchImpl?: typeof fetch) {
  const client = new Client({ name: "e2e-client", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), fetchImpl ? { fetch: fetchImpl } : undefined));
  return client;
}

// With PostgreSQL and Redis the e2e server runs a second instance on the next port, as behind a load balancer.
export const scaledOut = Boolean(process.env.DATABASE_URL && (process.env.REDIS_URL || process.env.UPSTASH_REDIS_REST_URL));
export const onSecondInstance = (url: string) => url.replace(/:(\d+)\//, (_, port: string) => `:${Number(port) + 1}/`);

export function ping(url: string) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
  });
}

/** Signs up and makes a chat app on the scripted model through the console API (the editor has its own specs). */
export async function chatApp(page: Page, llm: ScriptedLlm, name: string) {
  const user = newUser("publisher");
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(user);
  await expect(page).toHaveURL(/\/apps$/);
  const provider = await api<{ id: string }>(page, "modelProviders.create", { kind: "openai_compatible", name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-e2e" });
  const app = await api<{ id: string }>(page, "apps.create", { type: "chat", name });
  await api(page, "apps.updateDraft", {
    id: app.id,
    draft: { instructions: "Plan trips to {{city}}.", model: { providerId: provider.id, model: "scripted-model" }, variables: [{ key: "city", label: "City", type: "text", required: true, description: "Where to go" }] },
  });
  return { id: app.id, user, providerId: provider.id };
}


/**
 * An agent on the scripted model with every tool of one MCP server, the server stored and its tools applied through
 * the console API, as the Add server dialog and the editor would.
 */
export async function agentWithServer(
  page: Page,
  { providerId, server, name, instructions }: { providerId: string; server: { name: string; identifier: string; url: string }; name: string; instructions: string },
) {
  const stored = await api<{ id: string }>(page, "mcpServers.create", server);
  const preview = await api<{ token: string }>(page, "mcpServers.previewTools", { id: stored.id });
  await api(page, "mcpServers.applyTools", { id: stored.id, token: preview.token });
  const agent = await api<{ id: string }>(page, "apps.create", { type: "agent", name });
  await api(page, "apps.updateDraft", {
    id: agent.id,
    draft: { instructions, model: { providerId, model: "scripted-model" }, tools: [{ serverId: stored.id, mode: "all" }] },
  });
  return { id: agent.id, serverId: stored.id };
}
