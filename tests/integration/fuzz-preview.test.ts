// Debug & Preview's stream route fed hostile bodies: broken JSON, 100,000 levels of nesting, keys like __proto__ in the
// form's inputs, and generated JSON. Each is answered in our words (never JSON.parse's, V8's or superjson's), never
// with a 5xx, and what the runs stored (conversations with their inputs) leaves every read of the app answering.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/apps/[id]/preview/route";
import { consoleOverHttp, ownerKey, readEverythingOfApp } from "../support/console-http";
import { brokenBodies, hostileValues, libraryTexts, withHostileKeys } from "../support/hostile-json";
import { createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";

let endpoint: TestEndpoint;
let llm: ScriptedLlm;
let appId: string;
let key: string;

beforeAll(async () => {
  [endpoint, llm] = await Promise.all([startTestEndpoint(), startScriptedLlm({ fallback: { text: "Sunny." }, keepRequests: false })]);
  const { app, user, workspace } = await createPublishedApp(endpoint, llm, {
    draft: { variables: [{ key: "extra", label: "Extra", type: "json" }] },
    settings: { parameterDescriptions: { extra: "e" } },
  });
  appId = app.id;
  key = await ownerKey(user.id, workspace.id);
});
afterAll(() => Promise.all([endpoint.close(), llm.close()]));

const leaks = /\n\s+at |node_modules|\/work\/|\.ts:\d+|\bselect\b.+\bfrom\b|postgres|drizzle|Something went wrong/i;

async function preview(body: string) {
  const request = new Request(`http://localhost/api/apps/${appId}/preview`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body });
  const response = await POST(request, { params: Promise.resolve({ id: appId }) } as never);
  return { status: response.status, text: await response.text() };
}

describe("hostile bodies at Debug & Preview", () => {
  const bodies = Object.entries({
    ...brokenBodies,
    ...hostileValues,
    ...Object.fromEntries(Object.entries(hostileValues).map(([name, text]) => [`inputs holding ${name}`, `{"query":"q","inputs":{"extra":${text}}}`])),
    ...Object.fromEntries(Object.entries(hostileValues).map(([name, text]) => [`inputs that are ${name}`, `{"query":"q","inputs":${text}}`])),
  });

  it.each(bodies)("a body of %s is answered in our words and leaves the app's reads answering", async (_name, body) => {
    const { status, text } = await preview(body);
    expect(status, text).toBeLessThan(500);
    expect(text).not.toMatch(libraryTexts);
    expect(text).not.toMatch(leaks);
    await readEverythingOfApp(consoleOverHttp(key), appId);
  });

  it("generated inputs with hostile keys never get a library's text and leave the conversations readable", { timeout: 120_000 }, async () => {
    const inputs = fc.dictionary(fc.constantFrom("extra", "__proto__", "constructor", "other"), fc.oneof(fc.jsonValue({ maxDepth: 3 }), withHostileKeys(fc.jsonValue({ maxDepth: 2 }))), { maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), inputs, async (query, given) => {
        const { status, text } = await preview(JSON.stringify({ query, inputs: given }));
        expect(status, text).toBeLessThan(500);
        expect(text).not.toMatch(libraryTexts);
        expect(text).not.toMatch(leaks);
      }),
      { numRuns: 60 },
    );
    const read = await readEverythingOfApp(consoleOverHttp(key), appId);
    expect(read.conversations.items.length).toBeGreaterThan(0);
  });
});
