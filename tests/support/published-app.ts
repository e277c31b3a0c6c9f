// A published app with its MCP server turned on, made through the console API as a user would, running on the
// scripted model.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { AppType } from "@/server/apps/app-config";
import { callerAs, createOwner } from "./fixtures";
import type { ScriptedLlm } from "./scripted-llm";
import type { TestEndpoint } from "./published-endpoint";

export async function createPublishedApp(
  endpoint: TestEndpoint,
  llm: ScriptedLlm,
  {
    type = "chat",
    name = "Weather helper",
    draft = {},
    settings = {},
    toolServerUrl,
  }: {
    type?: AppType;
    name?: string;
    draft?: Record<string, unknown>;
    settings?: Record<string, unknown>;
    /** An MCP server whose tools an agent app may call, stored as the console would (identifier "test"). */
    toolServerUrl?: string;
  } = {},
) {
  const { user, workspace } = await createOwner("publisher");
  const caller = callerAs(user.id, workspace.id);
  const provider = await caller.modelProviders.create({ kind: "openai_compatible", name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-test-secret" });
  const tools = [];
  if (toolServerUrl) {
    const server = await caller.mcpServers.create({ name: "Test tools", identifier: "test", url: toolServerUrl });
    const preview = await caller.mcpServers.previewTools({ id: server.id });
    if (preview.status !== "ok") throw new Error(preview.message);
    await caller.mcpServers.applyTools({ id: server.id, token: preview.token });
    tools.push({ serverId: server.id, mode: "all" });
  }
  const app = await caller.apps.create({ type, name });
  await caller.apps.updateDraft({ id: app.id, draft: { model: { providerId: provider.id, model: "scripted-model" }, tools, ...draft } as never });
  await caller.apps.publish({ id: app.id });
  const enabled = await caller.publishedServers.enable({ appId: app.id, toolName: "weather_helper", toolDescription: "Answers weather questions.", ...settings });
  return { user, workspace, caller, app, provider, url: endpoint.localUrl(enabled.url) };
}

export interface ConnectOptions {
  headers?: Record<string, string>;
  /** Ask the server for this protocol version instead of the SDK's latest. */
  protocolVersion?: string;
  name?: string;
}

/** The SDK's real client over HTTP; `protocolVersion` rewrites the initialize request on its way out. */
export async function connectClient(url: string, { headers, protocolVersion, name = "test-client" }: ConnectOptions = {}) {
  const client = new Client({ name, version: "1.2.3" });
  const rewrite: typeof fetch = async (input, init) => {
    if (protocolVersion && typeof init?.body === "string" && init.body.includes('"method":"initialize"')) {
      const body = JSON.parse(init.body);
      body.params.protocolVersion = protocolVersion;
      return fetch(input, { ...init, body: JSON.stringify(body) });
    }
    return fetch(input, init);
  };
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers }, fetch: rewrite });
  await client.connect(transport);
  return client;
}
