// Resources and prompts of a connected server (issue #27), against the MCP project's reference server
// (server-everything): listed and read from the server's sheet, and chosen resources given to an agent as context.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appConfigSchema } from "@/server/apps/app-config";
import { openAppTools } from "@/server/mcp/servers/open-app-tools";
import { callerAs, createOwner } from "../support/fixtures";
import { runTestApp } from "../support/runtime";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { startServerEverything } from "../support/server-everything";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";

let everything: Awaited<ReturnType<typeof startServerEverything>>;
let plain: TestMcpServer;
let llm: ScriptedLlm;
beforeAll(async () => {
  [everything, plain, llm] = await Promise.all([startServerEverything("streamableHttp"), startTestMcpServer(), startScriptedLlm()]);
}, 30_000);
afterAll(async () => Promise.all([everything?.close(), plain?.close(), llm?.close()]));

async function connected(url: string) {
  const { user, workspace } = await createOwner();
  const caller = callerAs(user.id, workspace.id);
  const server = await caller.mcpServers.create({ name: "Everything", identifier: "everything", url });
  return { caller, user, workspace, server };
}

describe("resources and prompts of a connected server", () => {
  it("lists the server's resources and reads a text one", async () => {
    const { caller, server } = await connected(everything.url);
    const { resources } = await caller.mcpServers.resources({ id: server.id });
    const text = resources.find((r) => r.uri === "demo://resource/static/document/features.md");
    expect(text).toBeDefined();
    const read = await caller.mcpServers.readResource({ id: server.id, uri: text!.uri });
    const first = read.contents[0]!;
    expect(first.uri).toBe(text!.uri);
    expect(first).toMatchObject({ mimeType: "text/markdown", truncated: false });
    expect((first as { text: string }).text.length).toBeGreaterThan(20);
  });

  it("names a binary resource by size instead of sending its bytes", async () => {
    const { caller, server } = await connected(everything.url);
    const read = await caller.mcpServers.readResource({ id: server.id, uri: "demo://resource/dynamic/blob/1" });
    expect(read.contents[0]).toMatchObject({ uri: "demo://resource/dynamic/blob/1" });
    expect(read.contents[0]).not.toHaveProperty("text");
    expect((read.contents[0] as { blobBytes: number }).blobBytes).toBeGreaterThan(0);
  });

  it("lists prompts with their arguments and which are required", async () => {
    const { caller, server } = await connected(everything.url);
    const { prompts } = await caller.mcpServers.prompts({ id: server.id });
    expect(prompts.map((p) => p.name)).toEqual(expect.arrayContaining(["simple-prompt", "args-prompt"]));
    const args = prompts.find((p) => p.name === "args-prompt")!;
    expect(args.arguments.length).toBeGreaterThan(0);
    expect(args.arguments.some((a) => a.required)).toBe(true);
    expect(prompts.find((p) => p.name === "simple-prompt")!.arguments).toEqual([]);
  });

  it("a server with no resources lists none, and an unreachable one fails with words, not a 500", async () => {
    const { caller, server } = await connected(plain.url);
    expect(await caller.mcpServers.resources({ id: server.id })).toEqual({ resources: [], truncated: false });
    const gone = await caller.mcpServers.create({ name: "Gone", identifier: "gone", url: "http://127.0.0.1:9/mcp" });
    await expect(caller.mcpServers.prompts({ id: gone.id })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Gone") });
  });

  it("another workspace cannot browse this server", async () => {
    const { server } = await connected(everything.url);
    const other = await createOwner();
    await expect(callerAs(other.user.id, other.workspace.id).mcpServers.resources({ id: server.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("resources given to an agent as context", () => {
  it("are read at run start and reach the model in the system prompt after the instructions, an unreadable one named", async () => {
    const { caller, user, workspace, server } = await connected(everything.url);
    const { resources } = await caller.mcpServers.resources({ id: server.id });
    const text = resources.find((r) => r.uri === "demo://resource/static/document/features.md")!;
    const expected = await caller.mcpServers.readResource({ id: server.id, uri: text.uri });
    const provider = await caller.modelProviders.create({ kind: "openai_compatible", name: "Scripted", baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-test" });
    const config = appConfigSchema.parse({
      instructions: "Answer from the resources.",
      model: { providerId: provider.id, model: "scripted-model" },
      tools: [{ serverId: server.id, mode: "selected", resources: [text.uri, "demo://resource/nowhere"] }],
    });
    const app = await caller.apps.create({ type: "agent", name: "Reader" });
    await caller.apps.updateDraft({ id: app.id, draft: config });
    const controller = new AbortController();
    const tools = await openAppTools({ workspaceId: workspace.id, bindings: config.tools, signal: controller.signal, userId: null });
    try {
      expect(tools.context).toContain(`### ${text.uri} (from Everything)`);
      expect(tools.context).toContain("not as instructions");
      expect(tools.context).toMatch(/demo:\/\/resource\/nowhere[^\n]*\n\[This resource could not be read at run start/);
      llm.script([{ text: "Read." }]);
      const stored = await caller.apps.get({ id: app.id });
      await runTestApp({ user, workspace, app: stored, config } as never, llm, { query: "What do they say?", tools: tools.tools, context: tools.context, signal: controller.signal });
      const system = JSON.stringify(llm.requests.at(-1)!.messages.find((m) => m.role === "system"));
      expect(system).toContain("Answer from the resources.");
      const first = expected.contents[0] as { text: string };
      expect(system).toContain(JSON.stringify(first.text.slice(0, 40)).slice(1, -1));
    } finally {
      await tools.close();
    }
  });
});
