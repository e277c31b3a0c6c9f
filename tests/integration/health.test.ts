import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";

describe("GET /api/health", () => {
  it("answers 200 with the database and KV status when both are up", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("ok");
    expect(body.database).toMatchObject({ ok: true, driver: process.env.DATABASE_URL ? "postgres" : "pglite" });
    expect(body.kv).toMatchObject({ ok: true, driver: process.env.REDIS_URL ? "redis" : "memory" });
  });

  it("says when the in-process KV store cannot serve several instances", async () => {
    const body = await (await GET()).json();
    if (body.kv.driver === "memory") expect(body.kv.note).toMatch(/one instance/);
    else expect(body.kv.shared).toBe(true);
  });
});
