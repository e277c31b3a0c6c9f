// Hostile input for every console procedure, generated from the router: wrong types, huge strings, unicode, nulls,
// objects shaped almost like real input and keys like __proto__. Each must answer with a validation (or not-found)
// error, never a 500, and no answer may carry a stack, a file path or SQL; what the fuzzing stored must leave every
// read answering over HTTP. Then the route itself, fed broken and absurdly nested bodies, answers in our words.
import fc from "fast-check";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { consoleOverHttp, ownerKey, readEverythingOfApp, routeFetch } from "../support/console-http";
import { callerAs, createOwner } from "../support/fixtures";
import { brokenBodies, hostileValues, libraryTexts, withHostileKeys } from "../support/hostile-json";

const paths = Object.keys(appRouter._def.procedures);
const runsPerProcedure = 40;

const huge = fc.constant("x".repeat(200_000));
const oddText = fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.constantFrom("", " ", "\u0000", "a\u0000b", "💥".repeat(500), "' or 1=1 --", "../../etc/passwd"));
const leaf = fc.oneof(oddText, huge, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), leaf, { maxKeys: 4 }), withHostileKeys(leaf));
// Keys our procedures really take, so generated objects get past the first "unknown shape" check.
const knownKeys = ["id", "appId", "serverId", "providerId", "userId", "name", "identifier", "url", "kind", "type", "role", "token", "draft", "model", "models", "baseUrl", "apiKey", "headers", "arguments", "connection", "query", "redirectUris", "days"];
const shaped = fc.dictionary(fc.constantFrom(...knownKeys), fc.oneof(value, withHostileKeys(value)), { maxKeys: 6 });
const input = fc.oneof(value, shaped);

const leaks = /\n\s+at |node_modules|\/work\/|\bselect\b.*\bfrom\b|\binsert into\b|postgres|drizzle/i;

let caller: ReturnType<typeof callerAs>;
let owner: Awaited<ReturnType<typeof createOwner>>;
beforeAll(async () => {
  owner = await createOwner("fuzz");
  caller = callerAs(owner.user.id, owner.workspace.id);
});

function call(path: string, arg: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<any>((node, key) => node[key], caller);
  return fn(arg);
}

describe("generated hostile input for every procedure", () => {
  it.each(paths)("%s never answers 500 or leaks internals", async (path) => {
    await fc.assert(
      fc.asyncProperty(input, async (arg) => {
        try {
          await call(path, arg);
        } catch (error) {
          expect(error).toBeInstanceOf(TRPCError);
          const trpc = error as TRPCError;
          expect(trpc.code, `${path}(${JSON.stringify(arg)?.slice(0, 200)}) -> ${trpc.message}`).not.toBe("INTERNAL_SERVER_ERROR");
          expect(trpc.message).not.toMatch(leaks);
        }
      }),
      { numRuns: runsPerProcedure },
    );
  });
});

describe("what the fuzzing left behind", () => {
  it("every list and get of the fuzzed workspace still answers over HTTP", async () => {
    // An app made the way the console makes one, with hostile keys in its draft, beside whatever the fuzzing made.
    const app = await caller.apps.create({ type: "chat", name: "Hostile" });
    const schema = JSON.parse(hostileValues["__proto__, constructor and prototype keys"]!);
    await caller.apps.updateDraft({ id: app.id, draft: { variables: [{ key: "x", label: "X", type: "json", jsonSchema: { type: "object", properties: schema } }] } as never });
    const client = consoleOverHttp(await ownerKey(owner.user.id, owner.workspace.id));
    const apps = await client.apps.list.query();
    expect(apps.length).toBeGreaterThan(0);
    for (const { id } of apps) await readEverythingOfApp(client, id);
    await Promise.all([client.members.list.query(), client.apiKeys.list.query(), client.mcpServers.list.query(), client.modelProviders.list.query(), client.oauthClients.list.query()]);
  });
});

describe("hostile bodies at the console API route", () => {
  const bodies = Object.entries({
    ...brokenBodies,
    ...Object.fromEntries(Object.entries(hostileValues).map(([name, text]) => [`${name} as the body`, text])),
    ...Object.fromEntries(Object.entries(hostileValues).map(([name, text]) => [`${name} as the input`, `{"json":{"id":"abc","draft":${text}}}`])),
  });

  it.each(bodies)("a mutation sent %s is answered in our words, never a library's", async (_name, body) => {
    const key = await ownerKey(owner.user.id, owner.workspace.id);
    const response = await routeFetch("http://localhost/api/trpc/apps.updateDraft", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body });
    const text = await response.text();
    expect(response.status, text).toBeLessThan(500);
    expect(text).not.toMatch(libraryTexts);
    expect(text).not.toMatch(leaks);
  });

  it.each(bodies)("a query whose input is %s is answered in our words, never a library's", async (_name, body) => {
    const key = await ownerKey(owner.user.id, owner.workspace.id);
    const response = await routeFetch(`http://localhost/api/trpc/apps.get?input=${encodeURIComponent(body)}`, { headers: { authorization: `Bearer ${key}` } });
    const text = await response.text();
    expect(response.status, text).toBeLessThan(500);
    expect(text).not.toMatch(libraryTexts);
  });
});
