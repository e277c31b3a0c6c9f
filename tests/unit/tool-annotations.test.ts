// Deriving a published app's tool annotations from what it can do, the owner's choices over them, and the line
// that tells the owner why each automatic hint is what it is (tool-annotations.ts).
import { describe, expect, it } from "vitest";
import { deriveAnnotations, explainAnnotations, pickHints, resolveAnnotations } from "@/server/mcp/server/tool-annotations";

const tool = (name: string, annotations?: Record<string, unknown>) => ({ name, inputSchema: { type: "object" }, ...(annotations ? { annotations } : {}) });
const servers = [
  { id: "files", tools: [tool("read_file", { readOnlyHint: true, openWorldHint: false }), tool("append_note", { destructiveHint: false, openWorldHint: false }), tool("delete_file")] },
];
const bound = (mode: "all" | "selected", tools: { name: string; enabled: boolean }[] = []) => ({ tools: [{ serverId: "files", mode, tools }] });

describe("deriveAnnotations and explainAnnotations", () => {
  it("an agent calling only read-only tools is read-only, closed-world, and says so", () => {
    const config = bound("selected", [{ name: "read_file", enabled: true }]);
    expect(deriveAnnotations("agent", config, servers)).toEqual({ readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: false });
    expect(explainAnnotations("agent", config, servers)).toMatchObject({ readOnlyHint: "Every tool it may call only reads.", destructiveHint: "Its tools only read.", openWorldHint: "Its tools reach nothing outside." });
  });

  it("a tool that writes but says it only adds makes the agent not read-only yet not destructive", () => {
    const config = bound("selected", [{ name: "read_file", enabled: true }, { name: "append_note", enabled: true }]);
    expect(deriveAnnotations("agent", config, servers)).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(explainAnnotations("agent", config, servers)).toMatchObject({ readOnlyHint: `"append_note" may change things.`, destructiveHint: "Its tools that write say they only add." });
  });

  it("a tool without annotations counts as destructive and open-world, as the spec's defaults read", () => {
    const config = bound("all", [{ name: "read_file", enabled: false }]);
    expect(deriveAnnotations("agent", config, servers)).toMatchObject({ readOnlyHint: false, destructiveHint: true, openWorldHint: true });
    expect(explainAnnotations("agent", config, servers)).toMatchObject({ readOnlyHint: `"append_note" and 1 more may change things.`, destructiveHint: `"delete_file" may delete or overwrite.` });
  });

  it("an agent with no tools, and a chat app, only ask their model", () => {
    expect(explainAnnotations("agent", { tools: [] }, servers).readOnlyHint).toBe("It may call no tools.");
    expect(deriveAnnotations("chat", bound("all"), servers).readOnlyHint).toBe(true);
    expect(explainAnnotations("chat", bound("all"), servers).readOnlyHint).toMatch(/only asks its model/);
  });
});

describe("resolveAnnotations and pickHints", () => {
  it("the owner's hints win, a read-only tool is never destructive, and only the four booleans are kept", () => {
    const derived = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true };
    expect(resolveAnnotations({ readOnlyHint: true }, derived)).toEqual({ readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: true });
    expect(resolveAnnotations(null, derived)).toEqual(derived);
    expect(pickHints({ readOnlyHint: null, idempotentHint: true, title: "x", openWorldHint: "yes" })).toEqual({ idempotentHint: true });
  });
});
