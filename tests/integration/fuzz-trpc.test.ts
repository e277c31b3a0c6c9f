// Hostile input for every console procedure, generated from the router: wrong types, huge strings, unicode, nulls
// and objects shaped almost like real input. Each must answer with a validation (or not-found) error, never a 500,
// and no answer may carry a stack, a file path or SQL.
import fc from "fast-check";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { callerAs, createOwner } from "../support/fixtures";

const paths = Object.keys(appRouter._def.procedures);
const runsPerProcedure = 40;

const huge = fc.constant("x".repeat(200_000));
const oddText = fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.constantFrom("", " ", "\u0000", "a\u0000b", "💥".repeat(500), "' or 1=1 --", "../../etc/passwd"));
const leaf = fc.oneof(oddText, huge, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), leaf, { maxKeys: 4 }));
// Keys our procedures really take, so generated objects get past the first "unknown shape" check.
const knownKeys = ["id", "appId", "serverId", "providerId", "userId", "name", "identifier", "url", "kind", "type", "role", "token", "draft", "model", "models", "baseUrl", "apiKey", "headers", "arguments", "connection", "query"];
const shaped = fc.dictionary(fc.constantFrom(...knownKeys), value, { maxKeys: 6 });
const input = fc.oneof(value, shaped);

const leaks = /\n\s+at |node_modules|\/work\/|\bselect\b.*\bfrom\b|\binsert into\b|postgres|drizzle/i;

let caller: ReturnType<typeof callerAs>;
beforeAll(async () => {
  const { user, workspace } = await createOwner("fuzz");
  caller = callerAs(user.id, workspace.id);
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
