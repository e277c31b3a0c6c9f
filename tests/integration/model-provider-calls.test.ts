// A provider's model as a run builds and calls it (languageModelFor, its cache), and the address policy of a hosted
// deployment: loopback, private and metadata addresses refused on Test, on save and on a model call.
import { generateText } from "ai";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/server/db";
import { getModelProvider, listModelProviders } from "@/server/db/queries/model-providers";
import { languageModelFor } from "@/server/llm/get-language-model";
import { startFakeModelApi, type FakeModelApi } from "../support/fake-model-api";
import { getLanguageModel, goodKey, models, workspaceWithProvider as withProvider, wrongKey } from "../support/provider-workspace";

let api: FakeModelApi;
beforeAll(async () => {
  api = await startFakeModelApi({ key: goodKey, models });
});
afterAll(() => api.close());

const workspaceWithProvider = (overrides?: Parameters<typeof withProvider>[1]) => withProvider(api, overrides);


describe("languageModelFor", () => {
  it("builds a model that reaches the provider with its key", async () => {
    const { workspace, provider } = await workspaceWithProvider();
    const model = await getLanguageModel({ workspaceId: workspace.id, providerId: provider.id, model: "gpt-4o-mini" });
    const { text } = await generateText({ model, prompt: "Say OK", maxRetries: 0 });
    expect(text).toBe("OK");
    expect(api.requests.at(-1)).toMatchObject({
      method: "POST",
      path: "/v1/chat/completions",
      headers: expect.objectContaining({ authorization: `Bearer ${goodKey}` }),
      body: expect.objectContaining({ model: "gpt-4o-mini" }),
    });
  });

  it("a model is built again after its provider changes: a new key is used at once, a deleted provider is refused", async () => {
    const { workspace, owner, provider } = await workspaceWithProvider();
    const call = async () => {
      const model = await getLanguageModel({ workspaceId: workspace.id, providerId: provider.id, model: "gpt-4o-mini" });
      return generateText({ model, prompt: "Say OK", maxRetries: 0 });
    };
    expect((await call()).text).toBe("OK");
    await owner.modelProviders.update({ id: provider.id, kind: "openai_compatible", name: "DeepSeek", baseUrl: api.baseUrl, apiKey: wrongKey });
    await expect(call()).rejects.toThrow(/Incorrect API key/);
    expect(api.requests.at(-1)!.headers).toMatchObject({ authorization: `Bearer ${wrongKey}` });
    await owner.modelProviders.update({ id: provider.id, kind: "openai_compatible", name: "DeepSeek", baseUrl: api.baseUrl, apiKey: goodKey });
    expect((await call()).text).toBe("OK");
    await owner.modelProviders.delete({ id: provider.id });
    await expect(call()).rejects.toMatchObject({ code: "not_found:model_provider" });
  });

  it("talks chat completions for OpenAI providers too", async () => {
    const { workspace, provider } = await workspaceWithProvider({ kind: "openai" });
    const model = await getLanguageModel({ workspaceId: workspace.id, providerId: provider.id, model: "gpt-4o-mini" });
    expect((await generateText({ model, prompt: "Say OK", maxRetries: 0 })).text).toBe("OK");
    expect(api.requests.at(-1)).toMatchObject({ path: "/v1/chat/completions", headers: expect.objectContaining({ authorization: `Bearer ${goodKey}` }) });
  });
});

describe("provider addresses, with private networks not allowed (a hosted deployment)", () => {
  // The address policy is read from the environment when the modules load, so they are loaded afresh here.
  async function loadStrict() {
    vi.resetModules();
    vi.stubEnv("MCP_ALLOW_PRIVATE_NETWORK", "false");
    try {
      return {
        ...(await import("@/server/llm/test-provider")),
        ...(await import("@/server/llm/get-language-model")),
        ...(await import("@/server/agent/run-error")),
        ...(await import("@/server/llm/model-providers")),
      };
    } finally {
      vi.unstubAllEnvs();
    }
  }
  const refusal = /points at a private or reserved network address.*MCP_ALLOW_PRIVATE_NETWORK=true/;

  it("Test refuses a provider on a loopback, private or metadata address, and sends it nothing", async () => {
    const { testProvider } = await loadStrict();
    const before = api.requests.length;
    for (const baseUrl of [api.baseUrl, "http://169.254.169.254/v1", "http://10.0.0.8:11434/v1", "http://[::ffff:127.0.0.1]:8080/v1"]) {
      const result = await testProvider({ kind: "openai_compatible", name: "Internal", baseUrl, apiKey: goodKey });
      expect(result, baseUrl).toMatchObject({ ok: false, error: expect.stringMatching(refusal) });
    }
    expect(api.requests.length).toBe(before);
  });

  it("a provider cannot be saved with a loopback, private or metadata base URL, and the message says what to do", async () => {
    const { createModelProvider, editModelProvider } = await loadStrict();
    const { workspace, provider } = await workspaceWithProvider();
    const before = await getModelProvider(await getDb(), { workspaceId: workspace.id, id: provider.id });
    for (const baseUrl of [api.baseUrl, "http://169.254.169.254/v1", "http://10.0.0.8:11434/v1", "http://[::ffff:127.0.0.1]:8080/v1"]) {
      const input = { kind: "openai_compatible" as const, name: "Internal", baseUrl, apiKey: goodKey };
      await expect(createModelProvider({ workspaceId: workspace.id, input }), baseUrl).rejects.toMatchObject({
        code: "forbidden:model_provider",
        message: expect.stringMatching(/^Base URL: .*points at a private or reserved network address.*MCP_ALLOW_PRIVATE_NETWORK=true/),
      });
      await expect(editModelProvider({ workspaceId: workspace.id, id: provider.id, input: { ...input, name: "DeepSeek" } })).rejects.toMatchObject({ code: "forbidden:model_provider" });
    }
    const rows = await listModelProviders(await getDb(), { workspaceId: workspace.id });
    expect(rows).toEqual([before]);
  });

  it("a model call to such a provider fails with the same explanation, and the fake provider sees nothing", async () => {
    const { createLanguageModel, describeModelError } = await loadStrict();
    const before = api.requests.length;
    const model = createLanguageModel({ kind: "openai_compatible", name: "Internal", baseUrl: api.baseUrl, apiKey: goodKey }, "qwen-plus");
    const failure = await generateText({ model, prompt: "Hi", maxRetries: 0 }).catch((error: unknown) => error);
    expect(describeModelError(failure)).toMatch(refusal);
    expect(api.requests.length).toBe(before);
  });
});
