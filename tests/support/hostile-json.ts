// Hostile JSON shared by the fuzzers: bodies that break naive parsers and recursive code, objects with the keys that
// prototype-pollution guards refuse, and the texts of the libraries underneath that must never reach a client.
import fc from "fast-check";

const nestedArrays = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const nestedObjects = (depth: number) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth);

/** A JSON body or value text, by name; `inside(text)` puts a value where each surface expects one. */
export const hostileValues: Record<string, string> = {
  "100,000 nested arrays": nestedArrays(100_000),
  "100,000 nested objects": nestedObjects(100_000),
  "1,000 nested arrays": nestedArrays(1_000),
  "__proto__, constructor and prototype keys": '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":1}',
};

export const brokenBodies: Record<string, string> = {
  "truncated JSON": '{"json":{"id":"abc","draft":{"instructions":"hi"',
  "not JSON at all": "hello there",
  "an empty body": "",
  "a lone quote": '"',
  "a byte-order mark and junk": "\uFEFF{]",
};

/** Words of JSON.parse, V8, superjson and zod internals: a client sees our sentences instead. */
export const libraryTexts = /Unexpected (end|token)|in JSON at position|JSON input|call stack|Detected property|prototype pollution|SyntaxError|RangeError/i;

/** Objects that carry the keys superjson refuses, built from text so they are own keys (as JSON.parse makes them). */
export function withHostileKeys<T>(value: fc.Arbitrary<T>) {
  return fc
    .tuple(fc.constantFrom("__proto__", "constructor", "prototype", "~constructor"), value)
    .map(([key, inner]) => JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(inner) ?? "null"}}`) as Record<string, unknown>);
}
