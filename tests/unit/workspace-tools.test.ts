// The workspace server's tool names: one per app, never two alike, always a name MCP clients accept, and the older
// app keeping a name two want.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toolNamePattern } from "@/server/mcp/server/tool-name";
import { assignToolNames, wantedToolName } from "@/server/mcp/server/workspace-tools";

const named = (...wanted: string[]) => wanted.map((name, i) => ({ appId: `app-${i}`, wanted: name }));
const inOrder = (names: Map<string, string>) => [...names.values()];

describe("assignToolNames", () => {
  it("the older app keeps a name; the newer ones get _2, _3 in order", () => {
    expect(inOrder(assignToolNames(named("helper", "helper", "other", "helper")))).toEqual(["helper", "helper_2", "other", "helper_3"]);
  });

  it("a name another app asked for outright is not handed out as a suffix", () => {
    expect(inOrder(assignToolNames(named("x_2", "x", "x")))).toEqual(["x_2", "x", "x_3"]);
    expect(inOrder(assignToolNames(named("x", "x", "x_2")))).toEqual(["x", "x_2", "x_2_2"]);
  });

  it("a 64-character name keeps within 64 with its suffix, past _9 too", () => {
    const long = "a".repeat(64);
    const names = inOrder(assignToolNames(named(...Array<string>(12).fill(long))));
    expect(names[0]).toBe(long);
    expect(names[1]).toBe(`${"a".repeat(62)}_2`);
    expect(names[11]).toBe(`${"a".repeat(61)}_12`);
    expect(names.every((name) => name.length <= 64)).toBe(true);
  });

  it("any set of valid wanted names gives unique valid names, one per app", () => {
    const validName = fc.stringMatching(/^[a-z_]{1,64}$/).filter((name) => toolNamePattern.test(name));
    fc.assert(
      fc.property(fc.array(fc.oneof(validName, fc.constantFrom("a", "a_2", "b".repeat(64))), { maxLength: 40 }), (wanted) => {
        const names = inOrder(assignToolNames(named(...wanted)));
        expect(names).toHaveLength(wanted.length);
        expect(new Set(names).size).toBe(names.length);
        for (const name of names) expect(name).toMatch(toolNamePattern);
      }),
    );
  });
});

describe("wantedToolName", () => {
  it("is the app's own server's tool name when it has one, else one made from the app's name", () => {
    expect(wantedToolName({ toolName: "forecast", appName: "Weather Bot" })).toBe("forecast");
    expect(wantedToolName({ toolName: null, appName: "Weather Bot" })).toBe("weather_bot");
  });
});
