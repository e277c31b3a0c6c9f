// GitHub and Google sign-in: we keep who the account is, never the provider's tokens.
import { readdirSync, readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { adapter } from "@/server/auth/adapter";
import { getDb } from "@/server/db";
import { accounts } from "@/server/db/schema";
import { createOwner } from "../support/fixtures";

const tokens = {
  access_token: "gho_access-token-from-github",
  refresh_token: "ghr_refresh-token-from-github",
  id_token: "eyJ.id-token.sig",
  session_state: "session-state-value",
};

describe("linked sign-in accounts", () => {
  it("linking a GitHub account stores who it is and none of its tokens", async () => {
    const { user } = await createOwner();
    const db = await getDb();
    await adapter(db).linkAccount!({
      userId: user.id,
      type: "oauth",
      provider: "github",
      providerAccountId: `gh-${user.id}`,
      token_type: "bearer",
      scope: "read:user user:email",
      expires_at: 1_900_000_000,
      ...tokens,
    });
    const [row] = await db.select().from(accounts).where(eq(accounts.userId, user.id));
    expect(row).toMatchObject({ provider: "github", providerAccountId: `gh-${user.id}`, scope: "read:user user:email" });
    expect(row).toMatchObject({ access_token: null, refresh_token: null, id_token: null, session_state: null });
    const dump = JSON.stringify(await db.execute(sql`select * from accounts`));
    for (const value of Object.values(tokens)) expect(dump).not.toContain(value);
  });

  it("the migration forgets tokens stored before this change", async () => {
    const { user } = await createOwner();
    const db = await getDb();
    await db.insert(accounts).values({ userId: user.id, type: "oauth", provider: "google", providerAccountId: `g-${user.id}`, ...tokens });
    // Found by name: migration numbers change when branches are merged.
    const file = readdirSync("drizzle").find((f) => f.endsWith("_forget_oauth_tokens.sql"))!;
    const migration = readFileSync(`drizzle/${file}`, "utf8");
    await db.execute(sql.raw(migration));
    const [row] = await db.select().from(accounts).where(eq(accounts.userId, user.id));
    expect(row).toMatchObject({ provider: "google", access_token: null, refresh_token: null, id_token: null, session_state: null });
  });
});
