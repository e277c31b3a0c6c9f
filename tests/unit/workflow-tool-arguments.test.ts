import { describe, expect, it } from "vitest";
import { typedToolArguments } from "@/server/workflows/nodes/tool-arguments";

const schema = {
  type: "object",
  properties: { n: { type: "number" }, i: { type: "integer" }, b: { type: "boolean" }, o: { type: "object" }, s: { type: "string" }, either: { type: ["string", "number"] } },
};

describe("an MCP tool node's arguments", () => {
  it("read typed text as the tool's schema says", () => {
    expect(typedToolArguments({ n: " 10.5 ", i: "3", b: "false", o: '{"a":1}', s: "10", either: "7" }, schema)).toEqual({ n: 10.5, i: 3, b: false, o: { a: 1 }, s: "10", either: "7" });
  });

  it("leave what the schema cannot read, values already typed, and unknown keys as they are", () => {
    expect(typedToolArguments({ n: "ten", i: "2.5", b: "yes", o: "{broken", extra: "1", already: 4 }, schema)).toEqual({ n: "ten", i: "2.5", b: "yes", o: "{broken", extra: "1", already: 4 });
    expect(typedToolArguments({ n: "1" }, undefined)).toEqual({ n: "1" });
    expect(typedToolArguments({ constructor: "1" }, schema)).toEqual({ constructor: "1" });
  });
});
