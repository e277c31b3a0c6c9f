// CSRF: the console's state-changing routes (tRPC mutations, including the OAuth start, and Debug & Preview) take
// JSON from our own origin only. A page on another site can make the browser send the session cookie with a form or
// a "simple" fetch (multipart/form-data, text/plain), never with application/json or an Authorization header.
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as previewRoute } from "@/app/api/apps/[id]/preview/route";
import { GET as trpcGet, POST as trpcPost } from "@/app/api/trpc/[trpc]/route";
import type { AppRouter } from "@/server/api/root";
import { callerAs, createOwner } from "../support/fixtures";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";

// Auth.js needs a Next request to read its cookie; here a test cookie names the signed-in user, as the browser's
// session cookie would. Bearer keys go through the real context.
vi.mock("@/server/api/context", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/server/api/context")>();
  return {
    createContext: async ({ headers }: { headers: Headers }) => {
      if (headers.get("authorization")) return actual.createContext({ headers });
      const userId = headers.get("cookie")?.match(/test-session=([^;]+)/)?.[1] ?? null;
      return { actor: userId ? { kind: "user", userId } : null, requestedWorkspaceId: headers.get("x-workspace-id") };
    },
  };
});

const ours = new URL(process.env.APP_URL!).origin;
const foreign = "https://evil.example";

let llm: ScriptedLlm;
let owner: Awaited<ReturnType<typeof createOwner>>;
let cookie: Record<string, string>;
beforeAll(async () => {
  llm = await startScriptedLlm({ fallback: { text: "I ran." } });
  owner = await createOwner("csrf");
  cookie = { cookie: `test-session=${owner.user.id}`, "x-workspace-id": owner.workspace.id };
});
afterAll(() => llm?.close());

const invites = () => callerAs(owner.user.id, owner.workspace.id).invites.list();

function mutation(path: string, headers: Record<string, string>, body: BodyInit = JSON.stringify({ json: {} })) {
  return trpcPost(new Request(`${ours}/api/trpc/${path}`, { method: "POST", headers, body }));
}

describe("tRPC mutations", () => {
  it("a cross-site multipart/form-data POST with the session cookie creates no invite", async () => {
    const form = new FormData();
    form.set("role", "admin");
    const response = await mutation("invites.create", { ...cookie, origin: foreign }, form);
    expect(response.status).toBe(403);
    expect(await invites()).toHaveLength(0);
  });

  it("a text/plain or form-encoded POST is refused even from our own origin", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await mutation("invites.create", { ...cookie, origin: ours, "content-type": type });
      expect(response.status, type).toBe(403);
      expect((await response.json()).error.json.data.appCode).toBe("forbidden:content_type");
    }
    expect(await invites()).toHaveLength(0);
  });

  it("a JSON POST with the cookie is refused from another origin, from Origin null, and with neither Origin nor Referer", async () => {
    const json = { ...cookie, "content-type": "application/json" };
    const refusals = [
      { ...json, origin: foreign },
      { ...json, origin: "null" },
      { ...json, origin: `${ours}.evil.example` },
      { ...json, referer: `${foreign}/page` },
      json,
    ];
    for (const headers of refusals) {
      const response = await mutation("invites.create", headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      const body = await response.json();
      expect(body.error.json).toMatchObject({ code: -32003, data: { code: "FORBIDDEN", httpStatus: 403, appCode: "forbidden:origin" } });
      expect(body.error.json.message).toMatch(/API key/);
    }
    expect(await invites()).toHaveLength(0);
  });

  it("the console's own JSON POST goes through, by Origin or, without one, by Referer", async () => {
    const json = { ...cookie, "content-type": "application/json; charset=utf-8" };
    expect((await mutation("invites.create", { ...json, origin: ours })).status).toBe(200);
    expect((await mutation("invites.create", { ...json, referer: `${ours}/settings/members` })).status).toBe(200);
    expect(await invites()).toHaveLength(2);
  });

  it("the tRPC client reads a refusal as a FORBIDDEN error for every call of a batch", async () => {
    const client = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${ours}/api/trpc`,
          transformer: superjson,
          headers: { ...cookie, origin: foreign },
          fetch: (input, init) => trpcPost(new Request(input as string, init as RequestInit)),
        }),
      ],
    });
    const results = await Promise.allSettled([client.invites.create.mutate({ role: "member" }), client.mcpServers.authorize.mutate({ id: "x" })]);
    for (const result of results) {
      expect(result.status).toBe("rejected");
      const error = (result as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(TRPCClientError);
      expect(error.data).toMatchObject({ code: "FORBIDDEN", appCode: "forbidden:origin" });
    }
  });

  it("an API-key script needs no Origin, but still sends JSON", async () => {
    const { key } = await callerAs(owner.user.id, owner.workspace.id).apiKeys.create({ name: "script", role: "admin" });
    const bearer = { authorization: `Bearer ${key}` };
    const created = await mutation("modelProviders.create", { ...bearer, "content-type": "application/json" }, JSON.stringify({ json: { kind: "openai_compatible", name: "Script", baseUrl: "http://127.0.0.1:9/v1" } }));
    expect(created.status).toBe(200);
    expect((await mutation("modelProviders.create", { ...bearer, "content-type": "text/plain" })).status).toBe(403);
  });

  it("queries over GET need neither Origin nor a content type", async () => {
    const response = await trpcGet(new Request(`${ours}/api/trpc/invites.list`, { headers: cookie }));
    expect(response.status).toBe(200);
  });
});

describe("Debug & Preview", () => {
  async function previewableApp() {
    const caller = callerAs(owner.user.id, owner.workspace.id);
    const provider = await caller.modelProviders.create({ kind: "openai_compatible", name: `LLM ${Math.random()}`, baseUrl: `${llm.url}/v1`, apiKey: "sk-test" });
    const app = await caller.apps.create({ type: "chat", name: "Runner" });
    await caller.apps.updateDraft({ id: app.id, draft: { instructions: "Answer.", model: { providerId: provider.id, model: "scripted-model" } } });
    return app;
  }
  const preview = (appId: string, headers: Record<string, string>) =>
    previewRoute(new Request(`${ours}/api/apps/${appId}/preview`, { method: "POST", headers, body: JSON.stringify({ query: "Run your tools." }) }), {
      params: Promise.resolve({ id: appId }),
    } as never);

  it("a text/plain POST with the session cookie runs nothing, even from our origin", async () => {
    const app = await previewableApp();
    const before = llm.requests.length;
    for (const headers of [
      { ...cookie, origin: foreign, "content-type": "text/plain" },
      { ...cookie, origin: ours, "content-type": "text/plain" },
      { ...cookie, origin: foreign, "content-type": "application/json" },
    ]) {
      const response = await preview(app.id, headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: expect.stringMatching(/^forbidden:(content_type|origin)$/), message: expect.any(String) });
    }
    expect(llm.requests.length).toBe(before);
  });

  it("the console's own JSON POST runs the draft", async () => {
    const app = await previewableApp();
    const response = await preview(app.id, { ...cookie, origin: ours, "content-type": "application/json" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("I ran.");
  });
});
