// The agent editor's per-tool approval: the default and its reason from the server's annotations, a choice stored on
// the binding's entry (created for a tool of an "all" binding), a way back to the default, and re-picking tools
// keeping the choice.
import { describe, expect, it } from "vitest";
import { approvalDefault } from "@/components/mcp-servers/approval-default";
import type { McpServerView } from "@/components/mcp-servers/mcp-server-types";
import { applyPicks, boundRows, setToolApproval } from "@/components/mcp-servers/tool-bindings";
import type { ToolBinding } from "@/server/apps/app-config";

const server = {
  id: "s1",
  tools: [
    { name: "read", annotations: { readOnlyHint: true } },
    { name: "wipe", annotations: { destructiveHint: true } },
    { name: "plain" },
  ],
} as unknown as McpServerView;

describe("approval defaults", () => {
  it("read-only runs, destructive and unmarked tools ask, each with its reason", () => {
    expect(approvalDefault({ readOnlyHint: true })).toEqual({ asks: false, text: "Default: runs automatically - the server marks it read-only" });
    expect(approvalDefault({ destructiveHint: true })).toEqual({ asks: true, text: "Default: asks first - the server marks it destructive" });
    expect(approvalDefault(undefined)).toEqual({ asks: true, text: "Default: asks first - the server does not mark it read-only" });
    expect(approvalDefault({ readOnlyHint: false })).toEqual({ asks: true, text: "Default: asks first - the server does not mark it read-only" });
  });
});

describe("setToolApproval", () => {
  it("with mode all, a choice creates the tool's entry keeping its switch, and the default removes only the choice", () => {
    const all: ToolBinding = { serverId: "s1", mode: "all", tools: [{ name: "wipe", enabled: false, description: "Mine" }] };
    const chosen = setToolApproval(setToolApproval(all, "read", "ask", true), "wipe", "auto", false);
    expect(chosen.tools).toEqual([
      { name: "wipe", enabled: false, description: "Mine", approval: "auto" },
      { name: "read", enabled: true, approval: "ask" },
    ]);
    expect(boundRows(chosen, server).map((r) => [r.name, r.approval, r.annotations])).toEqual([
      ["read", "ask", { readOnlyHint: true }],
      ["wipe", "auto", { destructiveHint: true }],
      ["plain", undefined, undefined],
    ]);
    expect(setToolApproval(chosen, "wipe", undefined, false).tools[0]).toEqual({ name: "wipe", enabled: false, description: "Mine" });
  });

  it("with mode selected, re-picking the tools keeps each one's choice and description", () => {
    const selected: ToolBinding = { serverId: "s1", mode: "selected", tools: [{ name: "read", enabled: true, approval: "ask", description: "Reads" }] };
    const [next] = applyPicks([selected], new Map([["s1", { mode: "selected" as const, names: new Set(["read", "plain"]) }]]), [server]);
    expect(next!.tools).toEqual([
      { name: "read", enabled: true, approval: "ask", description: "Reads" },
      { name: "plain", enabled: true },
    ]);
  });
});
