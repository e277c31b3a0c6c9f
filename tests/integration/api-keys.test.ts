import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/trpc/[trpc]/route";
import { getDb } from "@/server/db";
import { apiKeys } from "@/server/db/schema";
import { addMember, callerAs, createOwner } from "../support/fixtures";
import { trpcGet, trpcPost } from "../support/trpc-over-http";

describe("workspace API keys", () => {
  it("a key is shown once, stored only as a hash, and works as a bearer token over HTTP", async () => {
    const { user, workspace } = await createOwner();
    const created = await callerAs(user.id, workspace.id).apiKeys.create({ name: "deploy", role: "admin" });
    expect(created.key).toMatch(/^sy_/);

    const listed = await callerAs(user.id, workspace.id).apiKeys.list();
    expect(JSON.stringify(listed)).not.toContain(created.key);

    const db = await getDb();
    const dump = await db.execute(sql`select * from api_keys`);
    expect(JSON.stringify(dump)).not.toContain(created.key);

    const response = await trpcGet("members.list", created.key);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.result.data.json.map((m: { email: string }) => m.email)).toContain(user.email);

    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row!.lastUsedAt).toBeInstanceOf(Date);
  });

  it("a key acts with the role it was made with", async () => {
    const { user, workspace } = await createOwner();
    const { key } = await callerAs(user.id, workspace.id).apiKeys.create({ name: "read", role: "member" });
    expect((await trpcGet("members.list", key)).status).toBe(200);
    const denied = await trpcPost("workspaces.rename", key, { name: "Hijacked" });
    expect(denied.status).toBe(403);
  });

  it("a revoked key stops working at once", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const created = await caller.apiKeys.create({ name: "temp", role: "admin" });
    expect((await trpcGet("members.list", created.key)).status).toBe(200);
    await caller.apiKeys.revoke({ id: created.id });
    const response = await trpcGet("members.list", created.key);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "unauthorized:api_key" });
  });

  it("one key is rate limited on its own, even spread over many addresses, with Retry-After", async () => {
    const { user, workspace } = await createOwner();
    const { key } = await callerAs(user.id, workspace.id).apiKeys.create({ name: "busy", role: "member" });
    const { createContext } = await import("@/server/api/context");
    const from = (i: number) => new Headers({ authorization: `Bearer ${key}`, "x-forwarded-for": `198.51.100.${i % 250}` });
    for (let i = 0; i < 600; i++) await createContext({ headers: from(i) });
    const refused = await GET(new Request("http://localhost/api/trpc/members.list", { headers: from(600) }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ code: "rate_limit:api_key_use" });
  });

  it("an unknown key is refused without saying why beyond that", async () => {
    const response = await trpcGet("members.list", "sy_this-key-does-not-exist-anywhere-000");
    expect(response.status).toBe(401);
  });

  it("a key of workspace A never reaches workspace B, even when B is asked for by header", async () => {
    const a = await createOwner("a");
    const b = await createOwner("b");
    const { key } = await callerAs(a.user.id, a.workspace.id).apiKeys.create({ name: "a", role: "owner" });
    const response = await GET(
      new Request("http://localhost/api/trpc/members.list", {
        headers: { authorization: `Bearer ${key}`, "x-workspace-id": b.workspace.id },
      }),
    );
    const text = await response.text();
    expect(text).toContain(a.email);
    expect(text).not.toContain(b.email);
  });

  it("an admin cannot make a key with the owner role", async () => {
    const { workspace } = await createOwner();
    const admin = await addMember(workspace.id, "admin");
    await expect(
      callerAs(admin.id, workspace.id).apiKeys.create({ name: "x", role: "owner" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
