// Model providers in the console: keys sealed and masked, Test, model lists, the default model, isolation. Building
// and calling a provider's model, and the address policy: model-provider-calls.test.ts.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskSecret } from "@/server/crypto/secret-box";
import { getDb } from "@/server/db";
import { addMember, callerAs, createOwner } from "../support/fixtures";
import { closedPortUrl, startFakeModelApi, startSilentServer, type FakeModelApi } from "../support/fake-model-api";
import { getLanguageModel, goodKey, models, workspaceWithProvider as withProvider, wrongKey } from "../support/provider-workspace";
import { trpcPost } from "../support/trpc-over-http";

let api: FakeModelApi;
beforeAll(async () => {
  api = await startFakeModelApi({ key: goodKey, models });
});
afterAll(() => api.close());

const workspaceWithProvider = (overrides?: Parameters<typeof withProvider>[1]) => withProvider(api, overrides);

/** The whole tRPC answer over HTTP, as a browser or script would receive it. */
async function postOverHttp(bearer: string, path: string, input: unknown) {
  const response = await trpcPost(path, bearer, input);
  return { status: response.status, text: await response.text() };
}

describe("storing a provider's key", () => {
  it("a created provider's key is sealed in the database and masked in every listing", async () => {
    const { workspace, owner, provider } = await workspaceWithProvider();
    expect(provider.apiKey).toBe(maskSecret(goodKey));
    expect(provider.apiKey).toBe("••••6f80");

    const dump = await (await getDb()).execute(sql`select * from model_providers where workspace_id = ${workspace.id}`);
    expect(JSON.stringify(dump)).not.toContain(goodKey);
    expect(JSON.stringify(dump)).toContain("v1.");

    const listed = await owner.modelProviders.list();
    expect(listed).toEqual([expect.objectContaining({ id: provider.id, name: "DeepSeek", apiKey: maskSecret(goodKey), models: [] })]);
    expect(JSON.stringify(listed)).not.toContain(goodKey);
    expect(JSON.stringify(listed)).not.toContain("apiKeyCiphertext");
  });

  it("saving the masked key back keeps the stored key, so the test still authenticates", async () => {
    const { owner, provider } = await workspaceWithProvider();
    const renamed = await owner.modelProviders.update({ id: provider.id, kind: "openai_compatible", name: "DeepSeek (prod)", baseUrl: api.baseUrl, apiKey: provider.apiKey });
    expect(renamed.name).toBe("DeepSeek (prod)");
    expect(await owner.modelProviders.test({ id: provider.id })).toMatchObject({ ok: true });
    expect(api.requests.at(-1)?.headers.authorization).toBe(`Bearer ${goodKey}`);
  });

  it("a masked key is not carried over to a different base URL", async () => {
    const { owner, provider } = await workspaceWithProvider();
    const moved = owner.modelProviders.update({ id: provider.id, kind: "openai_compatible", name: "DeepSeek", baseUrl: "http://127.0.0.1:9/v1", apiKey: provider.apiKey });
    await expect(moved).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Enter again: API key") });
  });

  it("a member sees providers with masked keys but cannot add one", async () => {
    const { workspace } = await workspaceWithProvider();
    const member = callerAs((await addMember(workspace.id, "member")).id, workspace.id);
    const [listed] = await member.modelProviders.list();
    expect(listed!.apiKey).toBe(maskSecret(goodKey));
    await expect(member.modelProviders.create({ kind: "openai", name: "Mine", apiKey: goodKey })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("invalid providers are refused with a reason", async () => {
    const { owner } = await workspaceWithProvider();
    const refused = [
      owner.modelProviders.create({ kind: "openai_compatible", name: "No URL" }),
      owner.modelProviders.create({ kind: "openai", name: "No key" }),
      owner.modelProviders.create({ kind: "openai_compatible", name: "FTP", baseUrl: "ftp://example.com/v1" }),
      owner.modelProviders.create({ kind: "openai_compatible", name: "x".repeat(61), baseUrl: api.baseUrl }),
      owner.modelProviders.create({ kind: "openai_compatible", name: "DeepSeek", baseUrl: api.baseUrl }),
    ];
    const errors = await Promise.all(refused.map((p) => p.then(() => null, (e: { code: string; message: string }) => e)));
    expect(errors.map((e) => e?.code)).toEqual(["BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "BAD_REQUEST", "CONFLICT"]);
    expect(errors[0]!.message).toContain("need a base URL");
    expect(errors[1]!.message).toContain("API key");
  });
});

describe("testing a provider", () => {
  it("reports success with its latency when the key is right", async () => {
    const { owner, provider } = await workspaceWithProvider();
    const result = await owner.modelProviders.test({ id: provider.id });
    expect(result).toEqual({ ok: true, latencyMs: expect.any(Number) });
    expect(api.requests.at(-1)).toMatchObject({ method: "GET", path: "/v1/models" });
  });

  it("shows the provider's own message for a wrong key, without the key", async () => {
    const { owner, provider } = await workspaceWithProvider({ apiKey: wrongKey });
    const result = await owner.modelProviders.test({ id: provider.id });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^Incorrect API key provided: ••••4321\. You can find your API key/);
    expect(JSON.stringify(result)).not.toContain(wrongKey);
  });

  it("shows the provider's own message for a model it does not know", async () => {
    const { owner, provider } = await workspaceWithProvider();
    const result = await owner.modelProviders.test({ id: provider.id, model: "gpt-9-turbo" });
    expect(result).toMatchObject({ ok: false, error: "The model `gpt-9-turbo` does not exist or you do not have access to it." });
  });

  it("checks a given model with a 1-token completion", async () => {
    const { owner, provider } = await workspaceWithProvider();
    expect(await owner.modelProviders.test({ id: provider.id, model: "qwen-plus" })).toMatchObject({ ok: true });
    expect(api.requests.at(-1)).toMatchObject({ path: "/v1/chat/completions", body: expect.objectContaining({ model: "qwen-plus", max_tokens: 1 }) });
  });

  it("falls back to a 1-token completion of the first model when the API has no model list", async () => {
    const { owner, provider } = await workspaceWithProvider();
    await owner.modelProviders.updateModels({ id: provider.id, models: [{ id: "gpt-4o-mini", toolCalling: true }] });
    api.hideModelList = true;
    try {
      expect(await owner.modelProviders.test({ id: provider.id })).toMatchObject({ ok: true });
      expect(api.requests.at(-1)).toMatchObject({ path: "/v1/chat/completions", body: expect.objectContaining({ model: "gpt-4o-mini" }) });
    } finally {
      api.hideModelList = false;
    }
  });

  it("says it could not reach a host where nothing listens", async () => {
    const baseUrl = await closedPortUrl();
    const { owner, provider } = await workspaceWithProvider({ baseUrl });
    const result = await owner.modelProviders.test({ id: provider.id });
    expect(result).toMatchObject({ ok: false, error: `Could not reach ${new URL(baseUrl).host}: the connection was refused.` });
  });

  it("gives up on a server that never answers once the timeout passes", async () => {
    const silent = await startSilentServer();
    try {
      const { owner, provider } = await workspaceWithProvider({ baseUrl: silent.baseUrl });
      const result = await owner.modelProviders.test({ id: provider.id, timeoutMs: 300 });
      expect(result).toMatchObject({ ok: false, error: "Timed out after 0.3 s" });
      expect(result.latencyMs).toBeLessThan(5_000);
    } finally {
      await silent.close();
    }
  });
});

describe("checking a provider's form before it is saved", () => {
  it("a new provider is checked without being saved: a right key passes, an unreachable base URL says why", async () => {
    const { user, workspace } = await createOwner();
    const owner = callerAs(user.id, workspace.id);
    expect(await owner.modelProviders.check({ kind: "openai_compatible", name: "New", baseUrl: api.baseUrl, apiKey: goodKey })).toMatchObject({ ok: true });
    const baseUrl = await closedPortUrl();
    expect(await owner.modelProviders.check({ kind: "openai_compatible", name: "New", baseUrl, apiKey: goodKey })).toMatchObject({
      ok: false,
      error: `Could not reach ${new URL(baseUrl).host}: the connection was refused.`,
    });
    expect(await owner.modelProviders.list()).toEqual([]);
  });

  it("an edited provider's masked key stands for its saved key at the same address, and never at another", async () => {
    const { owner, provider } = await workspaceWithProvider();
    const masked = { id: provider.id, kind: "openai_compatible" as const, name: "DeepSeek", apiKey: maskSecret(goodKey) };
    expect(await owner.modelProviders.check({ ...masked, baseUrl: api.baseUrl })).toMatchObject({ ok: true });
    await expect(owner.modelProviders.check({ ...masked, baseUrl: await closedPortUrl() })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("a provider's models", () => {
  it("fetching models saves the provider's list and keeps the tool-calling and vision flags the user set", async () => {
    const { owner, provider } = await workspaceWithProvider();
    await owner.modelProviders.updateModels({
      id: provider.id,
      models: [{ id: "deepseek-chat", toolCalling: false, vision: true }, { id: "my-finetune", toolCalling: true }],
    });
    const { provider: refreshed } = await owner.modelProviders.refreshModels({ id: provider.id });
    // gpt-4o-mini is a known vision model; the others get the default for an unknown id, no vision.
    expect(refreshed.models).toEqual([
      { id: "deepseek-chat", toolCalling: false, vision: true },
      { id: "gpt-4o-mini", toolCalling: true, vision: true },
      { id: "qwen-plus", toolCalling: true, vision: false },
    ]);
    expect((await owner.modelProviders.get({ id: provider.id })).models).toEqual(refreshed.models);
  });

  it("Anthropic's model list is read with its own headers, page by page", async () => {
    const { owner, provider } = await workspaceWithProvider({ kind: "anthropic" });
    const { provider: refreshed } = await owner.modelProviders.refreshModels({ id: provider.id });
    expect(refreshed.models.map((m) => m.id)).toEqual(models);
    const seen = api.requests.filter((r) => r.path === "/v1/models").slice(-3);
    expect(seen.map((r) => r.headers["x-api-key"])).toEqual([goodKey, goodKey, goodKey]);
    expect(seen[0]!.headers["anthropic-version"]).toBe("2023-06-01");
  });

  it("fetching models with a wrong key answers with the provider's message (not an HTTP error) and saves nothing", async () => {
    const { owner, provider } = await workspaceWithProvider({ apiKey: wrongKey });
    const result = await owner.modelProviders.refreshModels({ id: provider.id });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("Incorrect API key provided") });
    expect(JSON.stringify(result)).not.toContain(wrongKey);
    expect((await owner.modelProviders.get({ id: provider.id })).models).toEqual([]);
  });

  it("an edited list is checked: unique ids of at most 200 characters, at most 500 models", async () => {
    const { owner, provider } = await workspaceWithProvider();
    const many = Array.from({ length: 501 }, (_, i) => ({ id: `m-${i}`, toolCalling: true }));
    for (const list of [[{ id: "a", toolCalling: true }, { id: "a", toolCalling: false }], [{ id: "x".repeat(201), toolCalling: true }], many]) {
      await expect(owner.modelProviders.updateModels({ id: provider.id, models: list })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    const saved = await owner.modelProviders.updateModels({ id: provider.id, models: many.slice(0, 500) });
    expect(saved.models).toHaveLength(500);
  });
});

describe("the workspace's default model", () => {
  it("is set, read back, used by new apps, and cleared when its provider is deleted", async () => {
    const { owner, provider } = await workspaceWithProvider();
    await owner.modelProviders.updateModels({ id: provider.id, models: [{ id: "deepseek-chat", toolCalling: true }] });
    expect(await owner.modelProviders.getDefaultModel()).toBeNull();

    await owner.modelProviders.setDefaultModel({ providerId: provider.id, model: "deepseek-chat" });
    expect(await owner.modelProviders.getDefaultModel()).toEqual({ providerId: provider.id, model: "deepseek-chat", providerName: "DeepSeek", available: true, toolCalling: true });
    const app = await owner.apps.create({ type: "chat", name: "New app" });
    expect(app.draft.model).toMatchObject({ providerId: provider.id, model: "deepseek-chat" });

    await owner.modelProviders.delete({ id: provider.id });
    expect(await owner.modelProviders.getDefaultModel()).toBeNull();
  });

  it("must be a model the provider lists", async () => {
    const { owner, provider } = await workspaceWithProvider();
    await expect(owner.modelProviders.setDefaultModel({ providerId: provider.id, model: "not-listed" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await owner.modelProviders.setDefaultModel(null);
    expect(await owner.modelProviders.getDefaultModel()).toBeNull();
  });
});

describe("workspace isolation and secrecy", () => {
  it("another workspace's provider id is not found, and the provider is left as it was", async () => {
    const a = await workspaceWithProvider();
    const { user, workspace } = await createOwner("b");
    const b = callerAs(user.id, workspace.id);
    const id = a.provider.id;
    const attempts = [
      () => b.modelProviders.get({ id }),
      () => b.modelProviders.update({ id, kind: "openai_compatible", name: "Hijacked", baseUrl: "http://127.0.0.1:9/v1" }),
      () => b.modelProviders.test({ id }),
      () => b.modelProviders.refreshModels({ id }),
      () => b.modelProviders.updateModels({ id, models: [] }),
      () => b.modelProviders.setDefaultModel({ providerId: id, model: "deepseek-chat" }),
      () => b.modelProviders.delete({ id }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await a.owner.modelProviders.get({ id })).toMatchObject({ name: "DeepSeek", apiKey: maskSecret(goodKey) });
    await expect(getLanguageModel({ workspaceId: workspace.id, providerId: id, model: "deepseek-chat" })).rejects.toMatchObject({ code: "not_found:model_provider" });
  });

  it("the API key never appears in any answer over HTTP, successful or failed", async () => {
    const { owner, provider: good } = await workspaceWithProvider();
    const bad = await owner.modelProviders.create({ kind: "openai_compatible", name: "Wrong key", baseUrl: api.baseUrl, apiKey: wrongKey });
    const { key: bearer } = await owner.apiKeys.create({ name: "script", role: "admin" });
    const calls: Array<[string, unknown]> = [
      ["modelProviders.create", { kind: "openai", name: "OpenAI", baseUrl: api.baseUrl, apiKey: goodKey }],
      ["modelProviders.update", { id: good.id, kind: "openai_compatible", name: "DeepSeek", baseUrl: "http://127.0.0.1:9/v1", apiKey: maskSecret(goodKey) }],
      ["modelProviders.update", { id: good.id, kind: "openai_compatible", name: "DeepSeek", baseUrl: api.baseUrl, apiKey: `${goodKey} x` }],
      ["modelProviders.test", { id: good.id }],
      ["modelProviders.test", { id: good.id, model: "missing" }],
      ["modelProviders.test", { id: bad.id }],
      ["modelProviders.test", { id: bad.id, model: "deepseek-chat" }],
      ["modelProviders.refreshModels", { id: good.id }],
      ["modelProviders.refreshModels", { id: bad.id }],
      ["modelProviders.check", { id: good.id, kind: "openai_compatible", name: "DeepSeek", baseUrl: api.baseUrl, apiKey: maskSecret(goodKey) }],
      ["modelProviders.setDefaultModel", { providerId: good.id, model: "deepseek-chat" }],
    ];
    const answers = [];
    for (const [path, input] of calls) answers.push(await postOverHttp(bearer, path, input));
    const list = await postOverHttp(bearer, "modelProviders.list", undefined).catch(() => null);
    expect(answers.map((a) => a.status)).toEqual([200, 400, 400, 200, 200, 200, 200, 200, 200, 200, 200]);
    for (const text of [...answers.map((a) => a.text), list?.text ?? ""]) {
      expect(text).not.toContain(goodKey);
      expect(text).not.toContain(wrongKey);
    }
    expect(answers[5]!.text).toContain("Incorrect API key provided");
  });
});
