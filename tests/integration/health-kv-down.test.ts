// The KV store points at a closed port: health must say so with 503, and quickly.
import { describe, expect, it } from "vitest";

process.env.REDIS_URL = "redis://127.0.0.1:1";
delete process.env.UPSTASH_REDIS_REST_URL;

describe("GET /api/health with the KV store down", () => {
  it("answers 503 and names the KV store as the failing part", async () => {
    const { GET } = await import("@/app/api/health/route");
    const started = Date.now();
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.database.ok).toBe(true);
    expect(body.kv).toMatchObject({ ok: false, driver: "redis" });
    expect(JSON.stringify(body)).not.toContain("127.0.0.1:1");
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
