// The endpoint's per-instance cache: a row is reused while the app's generation in the KV store holds, and a change
// announced by any instance (a new generation) is seen at the next request. "Another instance" is played here by
// writing the database directly, then the KV store, as that instance's console would.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { getKv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";
import { createPublishedApp } from "../support/published-app";
import { startScriptedLlm } from "../support/scripted-llm";
import { useEndpointHarness } from "../support/endpoint-harness";

const h = useEndpointHarness();

async function ping(url: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
  });
  return { status: response.status, body: await response.json() };
}

/** What another instance's Disable does: its database write, then its announcement. */
const disableBehindOurBack = (appId: string) => getDb().then((db) => db.execute(sql`update published_servers set enabled = false where app_id = ${appId}`));
const announce = (appId: string) => getKv().set(kvKeys.endpointGeneration(appId), crypto.randomUUID());

describe("the endpoint cache", () => {
  it("reuses a row while the generation holds, and sees another instance's change at the next request", async () => {
    const { url, app } = await createPublishedApp(h.endpoint, h.llm);
    expect((await ping(url)).body.result).toEqual({}); // learns the app
    expect((await ping(url)).body.result).toEqual({}); // caches its row

    await disableBehindOurBack(app.id);
    // Unannounced, the cached row still serves: the cache really spares the database.
    expect((await ping(url)).body.result).toEqual({});

    await announce(app.id);
    expect((await ping(url)).body.error.message).toMatch(/not active/);
  });

  it("a lost generation (expired or evicted) never revives an old row", async () => {
    const { url, app } = await createPublishedApp(h.endpoint, h.llm);
    await ping(url);
    await ping(url);
    await disableBehindOurBack(app.id);
    await getKv().del(kvKeys.endpointGeneration(app.id));
    expect((await ping(url)).body.error.message).toMatch(/not active/);
  });

  it("a regenerated URL's old code stops at once and is forgotten; the console's own changes apply at the next request", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    await ping(url);
    await ping(url);
    const { url: fresh } = await caller.publishedServers.regenerate({ appId: app.id });
    expect((await ping(url)).status).toBe(404);
    expect((await ping(h.endpoint.localUrl(fresh))).body.result).toEqual({});
    await caller.publishedServers.disable({ appId: app.id });
    expect((await ping(h.endpoint.localUrl(fresh))).body.error.message).toMatch(/not active/);
  });

  it("an edited or removed model provider reaches the workspace's published apps at their next call, on every instance", async () => {
    const { url, caller, app, provider } = await createPublishedApp(h.endpoint, h.llm);
    const call = async () => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-06-18" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "weather_helper", arguments: { query: "Weather?" } } }),
      });
      return (await response.json()).result;
    };
    await ping(url);
    await ping(url); // the row, with its provider, is cached from here on
    h.llm.script([{ text: "From the first model server." }]);
    expect((await call()).structuredContent.answer).toBe("From the first model server.");

    const other = await startScriptedLlm();
    try {
      const generation = await getKv().get(kvKeys.endpointGeneration(app.id));
      await caller.modelProviders.update({ id: provider.id, kind: "openai_compatible", name: "Scripted", baseUrl: `${other.url}/v1`, apiKey: "sk-test-secret" });
      // Announced: every instance drops its cached row at its next request, not only this one.
      expect(await getKv().get(kvKeys.endpointGeneration(app.id))).not.toBe(generation);
      other.script([{ text: "From the new one." }]);
      expect((await call()).structuredContent.answer).toBe("From the new one.");

      await caller.modelProviders.delete({ id: provider.id });
      expect(await call()).toMatchObject({ isError: true, content: [{ text: expect.stringMatching(/cannot run right now/) }] });
      expect(other.requests).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
