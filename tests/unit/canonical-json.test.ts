import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/shared/canonical-json";

describe("canonicalJson", () => {
  it("gives a value and its jsonb round trip (keys reordered, undefined members gone) the same text", () => {
    const fresh = { name: "echo", title: undefined, inputSchema: { type: "object", properties: { text: { type: "string" } } } };
    const stored = { inputSchema: { properties: { text: { type: "string" } }, type: "object" }, name: "echo" };
    expect(canonicalJson(fresh)).toBe(canonicalJson(stored));
  });

  it("tells apart values that differ, array order included", () => {
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
    expect(canonicalJson({ description: "Repeat the text." })).not.toBe(canonicalJson({ description: "Repeat the text (old)." }));
  });
});
