// The workspace MCP server on two `next start` instances sharing PostgreSQL and Redis (the e2e server starts the
// second on the next port when both are configured): with the server cached on instance B, an app switched off
// through instance A's console is gone from B's very next tools/list and refused there, and is back at once when
// switched on; a new version published on A is what B runs at its next call; Regenerate and Disable on A hold on B.
import { expect, test } from "@playwright/test";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { api, chatApp, connect, onSecondInstance, ping, scaledOut } from "./published-app";

let llm: ScriptedLlm;
test.beforeAll(async () => {
  llm = await startScriptedLlm({ fallback: { text: "Done." } });
});
test.afterAll(() => llm.close());

const names = async (client: Awaited<ReturnType<typeof connect>>) => (await client.listTools()).tools.map((t) => t.name);
const lastSystemPrompt = () => llm.requests.at(-1)!.messages[0]!.content;

if (scaledOut) {
  test("an app switched off or on or published again, and Regenerate and Disable, through one instance are what the other serves at its next request", async ({ page }) => {
    const planner = await chatApp(page, llm, "Trip planner");
    await api(page, "apps.publish", { id: planner.id });
    const packer = await api<{ id: string }>(page, "apps.create", { type: "chat", name: "Packing list" });
    const draft = { instructions: "You pack for trips.", model: { providerId: planner.providerId, model: "scripted-model" } };
    await api(page, "apps.updateDraft", { id: packer.id, draft });
    await api(page, "apps.publish", { id: packer.id });
    const { url } = await api<{ url: string }>(page, "workspaceServer.enable", undefined);

    // Instance B serves the workspace server and so holds it in its endpoint cache.
    const onB = await connect(onSecondInstance(url));
    expect(await names(onB)).toEqual(["trip_planner", "packing_list"]);
    const call = () => onB.callTool({ name: "packing_list", arguments: { query: "What do I bring?" } });
    expect((await call()).structuredContent).toMatchObject({ answer: "Done." });
    expect(lastSystemPrompt()).toBe("You pack for trips.");

    // Switched off through instance A's console: B drops it at its very next request and refuses its calls.
    await api(page, "workspaceServer.setIncluded", { appId: packer.id, included: false });
    expect(await names(onB)).toEqual(["trip_planner"]);
    await expect(call()).rejects.toThrow(/Unknown tool "packing_list"/);

    await api(page, "workspaceServer.setIncluded", { appId: packer.id, included: true });
    expect(await names(onB)).toEqual(["trip_planner", "packing_list"]);

    // A new version published on A is what B runs next.
    await api(page, "apps.updateDraft", { id: packer.id, draft: { ...draft, instructions: "You pack light." } });
    await api(page, "apps.publish", { id: packer.id });
    expect((await call()).isError ?? false).toBe(false);
    expect(lastSystemPrompt()).toBe("You pack light.");

    // Regenerate and Disable on A: B refuses the old URL, then the new one, at its next request.
    const { url: fresh } = await api<{ url: string }>(page, "workspaceServer.regenerate", undefined);
    expect((await ping(onSecondInstance(url))).status).toBe(404);
    expect((await ping(onSecondInstance(fresh))).status).toBe(200);
    await api(page, "workspaceServer.disable", undefined);
    const refused = await ping(onSecondInstance(fresh));
    expect(refused.status).toBe(503);
    expect((await refused.json()).error.message).toMatch(/not active/i);
    await onB.close();
  });
}
