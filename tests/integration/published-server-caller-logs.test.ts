// The MCP calls log for sign-in calls: each row names the person and the OAuth client, and the Logs page filters
// by either (publishedServers.listCallers gives the choices). Rows come from the call log writer itself, as the
// endpoint writes them; the endpoint's own rows are in published-server-sign-in.test.ts.
import { describe, expect, it } from "vitest";
import { recordCall, settleCallLogs } from "@/server/mcp/server/call-log";
import { addMember, callerAs, createOwner } from "../support/fixtures";

async function appWithCalls() {
  const { user, workspace } = await createOwner("logs");
  const owner = callerAs(user.id, workspace.id);
  const app = await owner.apps.create({ type: "chat", name: "Logged" });
  const ada = await addMember(workspace.id, "member");
  const bob = await addMember(workspace.id, "editor");
  const base = { appId: app.id, workspaceId: workspace.id, method: "tools/call", outcome: "ok" as const, clientName: "claude-ai", clientVersion: "1.0" };
  const claude = { clientId: "https://claude.ai/oauth/mcp-oauth-client-metadata", clientName: "Claude" };
  const cursor = { clientId: "sy_dyn_cursor", clientName: "Cursor" };
  const t = Date.now() - 10_000;
  recordCall({ ...base, startedAt: t + 1, caller: { userId: ada.id, ...claude } });
  recordCall({ ...base, startedAt: t + 2, caller: { userId: ada.id, ...cursor } });
  recordCall({ ...base, startedAt: t + 3, caller: { userId: bob.id, ...claude } });
  recordCall({ ...base, startedAt: t + 4, outcome: "refused", method: "", error: "401 Unauthorized: no sign-in token was sent." });
  await settleCallLogs();
  return { owner, app, ada, bob, claude, cursor, workspace };
}

describe("sign-in callers in the MCP calls log", () => {
  it("each row names the person (name and email) and the OAuth client; other rows name none", async () => {
    const { owner, app, ada, bob } = await appWithCalls();
    const { items } = await owner.publishedServers.listCalls({ appId: app.id });
    expect(items.map((l) => [l.callerEmail, l.oauthClientName])).toEqual([
      [null, null],
      [bob.email, "Claude"],
      [ada.email, "Cursor"],
      [ada.email, "Claude"],
    ]);
    expect(items[1]).toMatchObject({ callerUserId: bob.id, callerName: "editor", oauthClientId: "https://claude.ai/oauth/mcp-oauth-client-metadata", clientName: "claude-ai" });
  });

  it("filters by person and by client, together or alone", async () => {
    const { owner, app, ada, bob, claude, cursor } = await appWithCalls();
    const emails = async (filters: { callerUserId?: string; oauthClientId?: string }) =>
      (await owner.publishedServers.listCalls({ appId: app.id, ...filters })).items.map((l) => `${l.callerEmail}|${l.oauthClientName}`);
    expect(await emails({ callerUserId: ada.id })).toEqual([`${ada.email}|Cursor`, `${ada.email}|Claude`]);
    expect(await emails({ oauthClientId: claude.clientId })).toEqual([`${bob.email}|Claude`, `${ada.email}|Claude`]);
    expect(await emails({ callerUserId: bob.id, oauthClientId: cursor.clientId })).toEqual([]);
  });

  it("offers as choices exactly the people and clients that called, most recent first", async () => {
    const { owner, app, ada, bob, claude, cursor } = await appWithCalls();
    expect(await owner.publishedServers.listCallers({ appId: app.id })).toEqual({
      people: [
        { userId: bob.id, name: "editor", email: bob.email },
        { userId: ada.id, name: "member", email: ada.email },
      ],
      clients: [
        { clientId: claude.clientId, name: "Claude" },
        { clientId: cursor.clientId, name: "Cursor" },
      ],
    });
  });

  it("a member of the workspace may read them; the filters are validated", async () => {
    const { app, workspace } = await appWithCalls();
    const member = callerAs((await addMember(workspace.id, "member")).id, workspace.id);
    expect((await member.publishedServers.listCallers({ appId: app.id })).people).toHaveLength(2);
    await expect(member.publishedServers.listCalls({ appId: app.id, callerUserId: "no such id!" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(member.publishedServers.listCalls({ appId: app.id, oauthClientId: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("another workspace's owner sees nothing of them", async () => {
    const { app } = await appWithCalls();
    const { user, workspace } = await createOwner("other");
    const stranger = callerAs(user.id, workspace.id);
    await expect(stranger.publishedServers.listCallers({ appId: app.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
