// A workflow app through Export app and Import app: its graph travels with the nodes' providers and servers as the
// file's refs, mapped to the importing workspace's own (or left unset), and its secret header values stay behind.
import { describe, expect, it } from "vitest";
import type { WorkflowGraph } from "@/server/workflows/graph";
import { callerAs, createOwner } from "../support/fixtures";

const headerSecret = "Bearer wf-export-secret-41aa";

function graphWith(providerId: string, serverId: string, base: WorkflowGraph): WorkflowGraph {
  const node = (id: string, type: string, data: object) => ({ id, type, title: id, position: { x: 0, y: 0 }, parentId: null, data }) as never;
  return {
    ...base,
    nodes: [
      ...base.nodes,
      node("llm_1", "llm", { model: { providerId, model: "gpt-x", temperature: null, maxTokens: null }, prompt: "Hi" }),
      node("tool_1", "mcp-tool", { serverId, tool: "search", arguments: { q: "{{llm_1.text}}" } }),
      node("http_1", "http", { url: "http://127.0.0.1:9/x", headers: [{ name: "Authorization", value: headerSecret, secret: true }] }),
    ],
  };
}

async function exportedWorkflow() {
  const { user, workspace } = await createOwner("wf-exporter");
  const caller = callerAs(user.id, workspace.id);
  const provider = await caller.modelProviders.create({ kind: "openai_compatible", name: "Team LLM", baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-wf-export" });
  const server = await caller.mcpServers.create({ name: "Search", identifier: "search", url: "http://127.0.0.1:9/mcp", connectTimeoutMs: 2000 });
  const app = await caller.apps.create({ type: "workflow", name: "Research flow" });
  const draft = (await caller.apps.get({ id: app.id })).draft;
  await caller.apps.updateDraft({ id: app.id, draft: { ...draft, workflow: graphWith(provider.id, server.id, draft.workflow!) } });
  const { file } = await caller.appFiles.export({ id: app.id });
  return { file, provider, server };
}

describe("workflow app files", () => {
  it("carry the graph with refs for its providers and servers, and no secret or id", async () => {
    const { file, provider, server } = await exportedWorkflow();
    expect(file.app.type).toBe("workflow");
    expect(file.providers).toEqual([{ ref: "provider-1", name: "Team LLM", kind: "openai_compatible" }]);
    expect(file.servers).toEqual([{ ref: "server-1", name: "Search", identifier: "search" }]);
    const nodes = Object.fromEntries(file.config.workflow!.nodes.map((n) => [n.id, n]));
    expect(nodes.llm_1!.data).toMatchObject({ model: { providerId: "provider-1" } });
    expect(nodes.tool_1!.data).toMatchObject({ serverId: "server-1", tool: "search" });
    expect(nodes.http_1!.data).toMatchObject({ headers: [{ name: "Authorization", value: "", secret: true }] });
    const dump = JSON.stringify(file);
    for (const secret of ["wf-export-secret", "valueCiphertext", provider.id, server.id]) expect(dump).not.toContain(secret);
  });

  it("import into another workspace with the refs mapped, or unset where the person chose none", async () => {
    const { file } = await exportedWorkflow();
    const other = await createOwner("wf-importer");
    const theirs = callerAs(other.user.id, other.workspace.id);
    const provider = await theirs.modelProviders.create({ kind: "openai_compatible", name: "Ours", baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-ours" });
    const imported = await theirs.appFiles.import({ text: JSON.stringify(file), providers: [{ ref: "provider-1", id: provider.id }], servers: [] });
    const loaded = await theirs.apps.get({ id: imported.id });
    expect(loaded.type).toBe("workflow");
    const nodes = Object.fromEntries(loaded.draft.workflow!.nodes.map((n) => [n.id, n]));
    expect(nodes.llm_1!.data).toMatchObject({ model: { providerId: provider.id, model: "gpt-x" } });
    expect(nodes.tool_1!.data).toMatchObject({ serverId: "", tool: "search" });
    expect(loaded.draft.workflow!.edges).toEqual(file.config.workflow!.edges);
  });

  it("refuse a file whose nodes name a ref it does not list, and import nothing", async () => {
    const { file } = await exportedWorkflow();
    const other = await createOwner("wf-bad-file");
    const theirs = callerAs(other.user.id, other.workspace.id);
    const broken = { ...file, servers: [] };
    await expect(theirs.appFiles.import({ text: JSON.stringify(broken), providers: [], servers: [] })).rejects.toThrow(/tool_1 \(tool server\): "server-1" is not listed under servers/);
    expect(await theirs.apps.list()).toEqual([]);
  });
});
