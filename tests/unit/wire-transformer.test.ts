// The console API's transformer: hostile keys cross as data, odd depths never reach superjson's recursion.
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { batchSize } from "@/server/api/batch-limit";
import { isNestedDeeper } from "@/shared/json-depth";
import { maxWireDepth, tooDeepMarker, wireTransformer, WireDepthError } from "@/shared/wire-transformer";

// What the wire does: serialize on one side, JSON text between, deserialize on the other.
const roundTrip = (value: unknown) => wireTransformer.deserialize(JSON.parse(JSON.stringify(wireTransformer.serialize(value))));

describe("the console API transformer", () => {
  it("keeps __proto__, constructor and prototype keys as own data properties, at any depth", () => {
    const value = JSON.parse('{"__proto__":{"polluted":1},"a":[{"constructor":{"prototype":{"x":2}}}],"~prototype":3,"~~__proto__":4}');
    const back = roundTrip(value) as Record<string, unknown>;
    expect(JSON.stringify(back)).toBe(JSON.stringify(value));
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(["__proto__", "a", "~prototype", "~~__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("leaves superjson's own types alone (dates stay dates)", () => {
    const at = new Date("2026-12-04T00:00:00Z");
    const back = roundTrip({ at, constructor: { at } }) as { at: Date; constructor: { at: Date } };
    expect(back.at).toEqual(at);
    expect(Object.getOwnPropertyDescriptor(back, "constructor")!.value.at).toEqual(at);
  });

  it("answers with a marker where output nests deeper than the wire allows, instead of failing", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 5_000; i++) deep = [deep];
    const text = JSON.stringify(roundTrip({ deep }));
    expect(text).toContain(tooDeepMarker);
    expect(text).not.toContain("bottom");
  });

  it("refuses input nested deeper than the wire allows with its own error, before superjson sees it", () => {
    const json = JSON.parse(`{"json":${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    expect(() => wireTransformer.deserialize(json)).toThrow(WireDepthError);
    expect(() => wireTransformer.deserialize({ json: JSON.parse("[".repeat(maxWireDepth - 5) + "]".repeat(maxWireDepth - 5)) })).not.toThrow();
  });

  it("plain superjson would refuse these keys (the defect this transformer mends)", () => {
    expect(() => superjson.serialize(JSON.parse('{"__proto__":1}'))).toThrow(/Detected property/);
  });
});

describe("json depth and batch size", () => {
  it("counts nesting without recursion, even 1,000,000 levels deep", () => {
    expect(isNestedDeeper(JSON.parse("[".repeat(1_000_000) + "]".repeat(1_000_000)), 100)).toBe(true);
    expect(isNestedDeeper({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(isNestedDeeper({ a: [{ b: [] }] }, 3)).toBe(true);
  });

  it("reads a batch's size from its comma-separated paths", () => {
    expect(batchSize(new Request("http://x/api/trpc/apps.get,apps.list,members.list?batch=1"))).toBe(3);
    expect(batchSize(new Request("http://x/api/trpc/apps.get"))).toBe(1);
  });
});
