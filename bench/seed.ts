// The app the benchmark calls: an account made with the operator CLI (before any server owns the database), then a
// model provider, a chat app and its MCP server made through the console API with that account's API key.
import { spawnSync } from "node:child_process";
import { consoleClient } from "./console-client";

export interface Account {
  apiKey: string;
  workspaceId: string;
}

export function seedAccount(env: NodeJS.ProcessEnv): Account {
  const admin = (...args: string[]) => {
    const run = spawnSync("npm", ["run", "-s", "admin", "--", ...args], { env, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`admin ${args[0]} failed: ${run.stderr}`);
    return JSON.parse(run.stdout);
  };
  const email = "bench@example.test";
  const { workspace } = admin("user:create", "--email", email, "--password", "bench-password-1", "--workspace", "Bench");
  const { key } = admin("apikey:create", "--email", email, "--workspace", workspace.id, "--role", "owner", "--name", "bench");
  return { apiKey: key, workspaceId: workspace.id };
}

/** `name` tells apart the apps of one account (provider names are unique in a workspace). */
export async function seedPublishedApp({ baseUrl, llmUrl, account, name = "Bench" }: { baseUrl: string; llmUrl: string; account: Account; name?: string }) {
  const api = consoleClient(baseUrl, account.apiKey);
  const provider = await api.modelProviders.create.mutate({ kind: "openai_compatible", name: `Scripted for ${name}`, baseUrl: `${llmUrl}/v1`, apiKey: "bench" });
  const app = await api.apps.create.mutate({ type: "chat", name });
  await api.apps.updateDraft.mutate({ id: app.id, draft: { instructions: "Answer briefly.", model: { providerId: provider.id, model: "bench-model" } } });
  await api.apps.publish.mutate({ id: app.id });
  const server = await api.publishedServers.enable.mutate({ appId: app.id, toolName: "bench", toolDescription: "Answers a question.", parameterDescriptions: { query: "The question." } });
  return { ...account, appId: app.id, url: server.url, toolName: "bench" };
}
