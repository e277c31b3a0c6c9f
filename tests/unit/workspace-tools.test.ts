import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toolNamePattern } from "@/server/mcp/server/tool-name";
import { assignToolNames, wantedToolName } from "@/server/mcp/server/workspace-tools";

describe("the workspace server's tool names", () => {
  it("lets the older app keep a name two apps want, and numbers the others", () => {
    const names = assignToolNames([
      { appId: "a", wanted: "support" },
      { appId: "b", wanted: "support" },
      { appId: "c", wanted: "billing" },
      { appId: "d", wanted: "support" },
    ]);
    expect([...names.entries()]).toEqual([
      ["a", "support"],
      ["b", "support_2"],
      ["c", "billing"],
      ["d", "support_3"],
    ]);
  });

  it("skips a number another app already holds as its own name", () => {
    const names = assignToolNames([
      { appId: "a", wanted: "x_2" },
      { appId: "b", wanted: "x" },
      { appId: "c", wanted: "x" },
    ]);
    expect(names.get("c")).toBe("x_3");
  });

  it("keeps every name unique, valid and within 64 characters, whatever the apps ask for", () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_.-]{1,64}$/);
    fc.assert(
      fc.property(fc.array(fc.oneof(name, fc.constant("a".repeat(64)), fc.constant("a".repeat(63))), { maxLength: 30 }), (wanted) => {
        const names = [...assignToolNames(wanted.map((w, i) => ({ appId: String(i), wanted: w }))).values()];
        expect(new Set(names).size).toBe(wanted.length);
        for (const n of names) expect(n).toMatch(toolNamePattern);
      }),
    );
  });

  it("asks for the app server's own tool name, else one made from the app's name", () => {
    expect(wantedToolName({ toolName: "forecast", appName: "Weather Bot" })).toBe("forecast");
    expect(wantedToolName({ toolName: null, appName: "Weather Bot (EU)" })).toBe("weather_bot_eu");
  });
});
