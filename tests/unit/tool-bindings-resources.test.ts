// Re-picking a server's tools in the Add tools dialog must not drop the resources it gives as context.
import { describe, expect, it } from "vitest";
import { applyPicks } from "@/components/mcp-servers/tool-bindings";
import type { McpServerView } from "@/components/mcp-servers/mcp-server-types";
import type { ToolBinding } from "@/server/apps/app-config";

const server = { id: "s1", tools: [{ name: "a" }, { name: "b" }] } as unknown as McpServerView;

describe("applyPicks and context resources", () => {
  it("keeps a binding's resources when its tools are re-picked, in either mode", () => {
    const bound: ToolBinding = { serverId: "s1", mode: "selected", tools: [{ name: "a", enabled: true }], resources: ["doc://one"] };
    const selected = applyPicks([bound], new Map([["s1", { mode: "selected" as const, names: new Set(["a", "b"]) }]]), [server]);
    expect(selected[0]).toMatchObject({ mode: "selected", resources: ["doc://one"] });
    const all = applyPicks([bound], new Map([["s1", { mode: "all" as const }]]), [server]);
    expect(all[0]).toMatchObject({ mode: "all", resources: ["doc://one"] });
  });

  it("gives a newly added server no resources", () => {
    const [added] = applyPicks([], new Map([["s1", { mode: "all" as const }]]), [server]);
    expect(added).not.toHaveProperty("resources");
  });
});
