import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { getDb } from "@/server/db";

describe("GET /api/health", () => {
  // "Up" means opened: the first use opens and migrates the embedded database, which on a busy machine can take longer
  // than the health check waits (3 s), and then it rightly answers 503.
  beforeAll(() => getDb(), 60_000);

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
