// Update tools on a stored server: the preview's "removed" and "changed" parts against a real server on 127.0.0.1,
// and applying it stores the server's own list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { updateMcpServer } from "@/server/db/queries/mcp-servers";
import { callerAs, createOwner } from "../support/fixtures";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";

let mcp: TestMcpServer;
beforeAll(async () => {
  mcp = await startTestMcpServer();
});
afterAll(() => mcp.close());

describe("the update-tools diff", () => {
  it("a tool the server no longer has is removed, one whose definition differs is changed, and apply stores the server's list", async () => {
    const { user, workspace } = await createOwner("diff");
    const caller = callerAs(user.id, workspace.id);
    const server = await caller.mcpServers.create({ name: "Test tools", identifier: "test", url: mcp.url });
    const first = await caller.mcpServers.previewTools({ id: server.id });
    if (first.status !== "ok") throw new Error(first.message);
    expect(first.diff).toEqual({ added: ["add", "echo", "get_weather", "fail", "slow", "save_note"], removed: [], changed: [] });
    await caller.mcpServers.applyTools({ id: server.id, token: first.token });

    // What was stored since drifted from the server: a tool it dropped, and an older description of "echo".
    const stored = first.tools.map((t) => (t.name === "echo" ? { ...t, description: "Repeat the text (old)." } : t));
    const gone = { name: "translate", description: "Translate text.", inputSchema: { type: "object", properties: {} } };
    await updateMcpServer(await getDb(), { workspaceId: workspace.id, id: server.id, tools: [...stored, gone] });

    const preview = await caller.mcpServers.previewTools({ id: server.id });
    if (preview.status !== "ok") throw new Error(preview.message);
    expect(preview.diff).toEqual({ added: [], removed: ["translate"], changed: ["echo"] });

    await caller.mcpServers.applyTools({ id: server.id, token: preview.token });
    const after = await caller.mcpServers.get({ id: server.id });
    expect(after.tools.map((t) => t.name)).toEqual(["add", "echo", "get_weather", "fail", "slow", "save_note"]);
    expect(after.tools.find((t) => t.name === "echo")?.description).toBe("Repeat the text.");

    // Nothing left to tell apart once applied.
    const again = await caller.mcpServers.previewTools({ id: server.id });
    if (again.status !== "ok") throw new Error(again.message);
    expect(again.diff).toEqual({ added: [], removed: [], changed: [] });
  });
});
