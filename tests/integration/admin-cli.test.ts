// The operator CLI as a self-hoster runs it: a real child process, JSON on stdout, non-zero on bad input.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../support/fixtures";

function admin(...args: string[]) {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/admin.ts", ...args], {
    env: process.env,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.runIf(process.env.DATABASE_URL)("npm run admin", () => {
  it("migrate, user:create and apikey:create print JSON and the key works", async () => {
    expect(admin("migrate").status).toBe(0);
    const email = uniqueEmail("cli");
    const created = admin("user:create", "--email", email, "--password", "a long password", "--workspace", "Ops");
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ user: { email }, workspace: { name: "Ops" } });

    const key = admin("apikey:create", "--email", email, "--workspace", "Ops", "--role", "editor");
    expect(key.status).toBe(0);
    const parsed = JSON.parse(key.stdout);
    expect(parsed).toMatchObject({ role: "editor", workspace: { name: "Ops" } });
    const { authenticateApiKey } = await import("@/server/api-keys/api-keys");
    const { getDb } = await import("@/server/db");
    expect(await authenticateApiKey(await getDb(), parsed.key)).toMatchObject({ role: "editor" });
  });

  it("bad input exits non-zero with a clear message and no stack", () => {
    const short = admin("user:create", "--email", uniqueEmail(), "--password", "short");
    expect(short.status).not.toBe(0);
    expect(short.stderr).toContain("at least 8 characters");
    expect(short.stderr).not.toMatch(/\n\s+at /);

    const role = admin("apikey:create", "--email", "x@example.test", "--workspace", "Ops", "--role", "king");
    expect(role.status).not.toBe(0);
    expect(role.stderr).toMatch(/role/i);

    const unknown = admin("frobnicate");
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain("Unknown command");
  });
});
