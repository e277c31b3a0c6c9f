import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callerAs, createOwner } from "../support/fixtures";
import { hostileValues, libraryTexts } from "../support/hostile-json";

const secrets = { apiKey: "sk-live-EXPORTSECRET1", header: "hdr-EXPORTSECRET2", urlPassword: "pw-EXPORTSECRET3" };

/** An agent on a provider and an MCP server whose URL and headers carry credentials. */
async function workspaceWithAgent() {
  const { user, workspace } = await createOwner("exporter");
  const caller = callerAs(user.id, workspace.id);
  const provider = await caller.modelProviders.create({ kind: "openai_compatible", name: "Team LLM", baseUrl: "http://127.0.0.1:9/v1", apiKey: secrets.apiKey });
  const server = await caller.mcpServers.create({
    name: "Search",
    identifier: "search",
    url: `http://ada:${secrets.urlPassword}@127.0.0.1:9/mcp?token=${secrets.urlPassword}`,
    headers: [{ name: "x-api-key", value: secrets.header }],
    connectTimeoutMs: 2000,
  });
  const app = await caller.appTemplates.create({ templateId: "research-agent", serverId: server.id });
  const draft = (await caller.apps.get({ id: app.id })).draft;
  await caller.apps.updateDraft({
    id: app.id,
    draft: { ...draft, model: { providerId: provider.id, model: "gpt-x", temperature: 0.3, maxTokens: 800 }, tools: [{ serverId: server.id, mode: "selected", tools: [{ name: "search", enabled: true }] }] },
  });
  return { caller, app, provider, server };
}

describe("app export", () => {
  it("the file is versioned, names providers and servers by reference, and holds no secret, id or server URL", async () => {
    const { caller, app, provider, server } = await workspaceWithAgent();
    const { fileName, file } = await caller.appFiles.export({ id: app.id });
    expect(fileName).toBe("research-agent.switchyard-app.json");
    expect(file).toMatchObject({ switchyard: "app", version: 1, app: { type: "agent", name: "Research agent" } });
    expect(file.config.model).toEqual({ provider: "provider-1", model: "gpt-x", temperature: 0.3, maxTokens: 800 });
    expect(file.providers).toEqual([{ ref: "provider-1", name: "Team LLM", kind: "openai_compatible" }]);
    expect(file.servers).toEqual([{ ref: "server-1", name: "Search", identifier: "search" }]);
    const dump = JSON.stringify(file);
    for (const secret of [...Object.values(secrets), provider.id, server.id, app.id, "127.0.0.1", "ada", "x-api-key"]) expect(dump).not.toContain(secret);
  });
});

describe("app import", () => {
  it("imports into another workspace with each reference mapped to one of its own, or left unset", async () => {
    const { caller, app } = await workspaceWithAgent();
    const text = JSON.stringify((await caller.appFiles.export({ id: app.id })).file);
    const other = await createOwner("importer");
    const theirs = callerAs(other.user.id, other.workspace.id);
    const provider = await theirs.modelProviders.create({ kind: "openai_compatible", name: "team llm", baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-other" });
    const docs = await theirs.mcpServers.create({ name: "Web search", identifier: "search", url: "http://127.0.0.1:9/mcp", connectTimeoutMs: 2000 });

    const inspected = await theirs.appFiles.inspect({ text });
    expect(inspected.app.name).toBe("Research agent");
    expect(inspected.providers).toEqual([expect.objectContaining({ ref: "provider-1", name: "Team LLM", suggestedId: provider.id })]);
    expect(inspected.servers).toEqual([expect.objectContaining({ ref: "server-1", suggestedId: docs.id })]);

    const mapped = await theirs.appFiles.import({ text, providers: [{ ref: "provider-1", id: provider.id }], servers: [{ ref: "server-1", id: docs.id }] });
    const loaded = await theirs.apps.get({ id: mapped.id });
    expect(loaded.draft.model).toEqual({ providerId: provider.id, model: "gpt-x", temperature: 0.3, maxTokens: 800 });
    expect(loaded.draft.tools).toEqual([{ serverId: docs.id, mode: "selected", tools: [{ name: "search", enabled: true }] }]);
    expect(loaded.draft.instructions).toContain("research assistant");

    const unset = await theirs.appFiles.import({ text, providers: [], servers: [{ ref: "server-1", id: null }] });
    const bare = await theirs.apps.get({ id: unset.id });
    expect(bare.draft.model).toBeNull();
    expect(bare.draft.tools).toEqual([]);
  });

  it("a mapping to another workspace's provider or server is refused and nothing is imported", async () => {
    const { caller, app, provider, server } = await workspaceWithAgent();
    const text = JSON.stringify((await caller.appFiles.export({ id: app.id })).file);
    const other = await createOwner("importer");
    const theirs = callerAs(other.user.id, other.workspace.id);
    await expect(theirs.appFiles.import({ text, providers: [{ ref: "provider-1", id: provider.id }] })).rejects.toThrow(/not one of this workspace's/);
    await expect(theirs.appFiles.import({ text, servers: [{ ref: "server-1", id: server.id }] })).rejects.toThrow(/not one of this workspace's/);
    expect(await theirs.apps.list()).toEqual([]);
  });

  it("a bad file gets a clear error and changes nothing", async () => {
    const { user, workspace } = await createOwner("importer");
    const caller = callerAs(user.id, workspace.id);
    const valid = { switchyard: "app", version: 1, app: { type: "chat", name: "Ok" }, config: {} };
    const cases: [string, RegExp][] = [
      ["not json", /not valid JSON/],
      [JSON.stringify({ hello: 1 }), /not a Switchyard app file/],
      [JSON.stringify({ ...valid, version: 2 }), /version 2; this Switchyard reads version 1/],
      [JSON.stringify({ ...valid, app: { type: "robot", name: "x" } }), /app\.type/],
      [JSON.stringify({ ...valid, config: { tools: [{ server: "server-9", mode: "all" }] } }), /"server-9" is not listed/],
      [JSON.stringify({ ...valid, config: { variables: [{ key: "a", label: "A", type: "text" }, { key: "a", label: "B", type: "text" }] } }), /used twice/],
      [JSON.stringify({ ...valid, config: { instructions: "x".repeat(600_000) } }), /larger than 512 KB/],
      [hostileValues["100,000 nested objects"]!, /larger than 512 KB/],
      [hostileValues["1,000 nested arrays"]!, /nests more than 40 levels/],
      [hostileValues["__proto__, constructor and prototype keys"]!, /__proto__/],
      [JSON.stringify(valid).replace('"config":{}', '"config":{"variables":[{"key":"j","label":"J","type":"json","jsonSchema":{"type":"object","__proto__":{"x":1}}}]}'), /__proto__/],
    ];
    for (const [text, message] of cases) {
      await expect(caller.appFiles.import({ text }), text.slice(0, 60)).rejects.toThrow(message);
      await expect(caller.appFiles.inspect({ text })).rejects.toThrow(/Nothing was imported/);
    }
    expect(await caller.apps.list()).toEqual([]);
    expect((await caller.appFiles.import({ text: JSON.stringify(valid) })).name).toBe("Ok");
  });

  it("generated hostile files are refused in our words or imported as plain data, never a 500", async () => {
    const { user, workspace } = await createOwner("fuzz-import");
    const caller = callerAs(user.id, workspace.id);
    const leaf = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant("💥".repeat(300)));
    const anyJson = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node"), { maxLength: 3 }), fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "type", "name", "key", "a"), tie("node"), { maxKeys: 3 })),
    })).node;
    const fileLike = fc.record({
      switchyard: fc.oneof(fc.constant("app"), leaf),
      version: fc.oneof(fc.constant(1), leaf),
      app: fc.oneof(fc.record({ type: fc.constantFrom("chat", "agent", "completion", "x"), name: fc.oneof(fc.string({ maxLength: 10 }), leaf) }), anyJson),
      config: anyJson,
      providers: anyJson,
      servers: anyJson,
    });
    await fc.assert(
      fc.asyncProperty(fileLike, async (file) => {
        try {
          const app = await caller.appFiles.import({ text: JSON.stringify(file) });
          const loaded = await caller.apps.get({ id: app.id });
          expect(Object.getPrototypeOf(loaded.draft)).toBe(Object.prototype);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        } catch (error) {
          const message = (error as Error).message;
          expect(message).not.toMatch(libraryTexts);
          expect((error as { code?: string }).code).toBe("BAD_REQUEST");
        }
      }),
      { numRuns: 150 },
    );
  });
});
