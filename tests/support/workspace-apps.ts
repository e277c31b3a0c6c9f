// A workspace with the three kinds of published app issue #26 names (a chat app, an agent whose tools come from a
// connected MCP server, a text generator with a JSON input) and its workspace MCP server turned on, all made
// through the console API as an owner would, running on the scripted model.
import { desc, eq } from "drizzle-orm";
import type { AppType } from "@/server/apps/app-config";
import { getDb } from "@/server/db";
import { mcpCallLogs } from "@/server/db/schema";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { afterAll, beforeAll } from "vitest";
import { useEndpointHarness } from "./endpoint-harness";
import { callerAs, createOwner } from "./fixtures";
import { startServerEverything } from "./server-everything";
import type { TestEndpoint } from "./published-endpoint";
import type { ScriptedLlm } from "./scripted-llm";

type Caller = ReturnType<typeof callerAs>;

/** The JSON input of the text generator: what its tool's inputSchema must carry. */
export const orderSchema = {
  type: "object",
  properties: { item: { type: "string", description: "What was ordered." }, quantity: { type: "integer", minimum: 1 } },
  required: ["item"],
};

/** The server-everything tools the agent may call: one read-only, one not (so the agent is not read-only). */
export const agentTools = ["echo", "gzip-file-as-resource"];

export interface WorkspaceApps {
  caller: Caller;
  userId: string;
  workspaceId: string;
  providerId: string;
  /** The workspace server's URL on the test endpoint. */
  url: string;
  chat: { id: string };
  agent: { id: string };
  completion: { id: string };
  /** Publishes another app in this workspace. */
  publish(app: { type?: AppType; name: string; draft?: Record<string, unknown> }): Promise<{ id: string }>;
}

export async function createWorkspaceApps(endpoint: TestEndpoint, llm: ScriptedLlm, { toolServerUrl }: { toolServerUrl: string }): Promise<WorkspaceApps> {
  const { user, workspace } = await createOwner("workspace-owner");
  const caller = callerAs(user.id, workspace.id);
  const provider = await caller.modelProviders.create({ kind: "openai_compatible", name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-test-secret" });
  const server = await caller.mcpServers.create({ name: "Everything", identifier: "everything", url: toolServerUrl });
  const preview = await caller.mcpServers.previewTools({ id: server.id });
  if (preview.status !== "ok") throw new Error(preview.message);
  await caller.mcpServers.applyTools({ id: server.id, token: preview.token });

  const publish: WorkspaceApps["publish"] = async ({ type = "chat", name, draft = {} }) => {
    const app = await caller.apps.create({ type, name });
    await caller.apps.updateDraft({ id: app.id, draft: { model: { providerId: provider.id, model: "scripted-model" }, ...draft } as never });
    await caller.apps.publish({ id: app.id });
    return { id: app.id };
  };
  const chat = await publish({
    name: "Trip planner",
    draft: { instructions: "You plan trips to {{city}}.", variables: [{ key: "city", label: "City", type: "text", required: true, description: "Where to go" }] },
  });
  const agent = await publish({
    type: "agent",
    name: "Echo agent",
    draft: {
      instructions: "Use the echo tool.",
      tools: [{ serverId: server.id, mode: "selected", tools: agentTools.map((name) => ({ name, enabled: true })) }],
      maxToolRounds: 2,
    },
  });
  const completion = await publish({
    type: "completion",
    name: "Order summary",
    draft: { instructions: "Summarise this order: {{order}}", variables: [{ key: "order", label: "Order", type: "json", required: true, description: "The order", jsonSchema: orderSchema }] },
  });
  const enabled = await caller.workspaceServer.enable();
  return { caller, userId: user.id, workspaceId: workspace.id, providerId: provider.id, url: endpoint.localUrl(enabled.url), chat, agent, completion, publish };
}

/** The workspace's call log rows, newest first, once every pending write has landed. */
export async function workspaceCallLogs(workspaceId: string) {
  await settleCallLogs();
  const db = await getDb();
  return db.select().from(mcpCallLogs).where(eq(mcpCallLogs.workspaceId, workspaceId)).orderBy(desc(mcpCallLogs.createdAt));
}

/**
 * The set-up the workspace-server suites share: the endpoint harness, server-everything for the agent's tools, and
 * `workspace()` for a fresh workspace of the three apps with its server on.
 */
export function useWorkspaceHarness() {
  const h = useEndpointHarness();
  let everything: Awaited<ReturnType<typeof startServerEverything>>;
  beforeAll(async () => {
    everything = await startServerEverything("streamableHttp");
  });
  afterAll(() => everything?.close());
  return {
    h,
    everythingUrl: () => everything.url,
    workspace: () => createWorkspaceApps(h.endpoint, h.llm, { toolServerUrl: everything.url }),
  };
}
