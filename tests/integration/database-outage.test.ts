// PostgreSQL going away under the app (restart, network cut): requests fail fast with 503 and a safe message, and
// the same process recovers on its own once the database is back, with acknowledged data intact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTcpProxy } from "../support/tcp-proxy";

const realUrl = process.env.DATABASE_URL;
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;

beforeAll(async () => {
  if (!realUrl) return;
  const url = new URL(realUrl);
  proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  process.env.DATABASE_URL = url.toString(); // before the app opens its pool
});
afterAll(() => proxy?.close());

describe.runIf(realUrl)("PostgreSQL outage", () => {
  it("answers 503 while the database is away and recovers by itself", async () => {
    const { GET } = await import("@/app/api/health/route");
    const { callerAs, createOwner } = await import("../support/fixtures");
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const app = await caller.apps.create({ type: "chat", name: "Before the outage" });

    await proxy.down();
    const started = Date.now();
    expect((await GET()).status).toBe(503);
    const failure = await caller.apps.list().then(
      () => null,
      (error: { code?: string; message?: string }) => error,
    );
    expect(failure).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    expect(failure!.message).not.toMatch(/ECONN|postgres|127\.0\.0\.1|select/i);
    expect(Date.now() - started).toBeLessThan(8_000);

    await proxy.up();
    await expect.poll(async () => (await GET()).status, { timeout: 15_000, interval: 200 }).toBe(200);
    expect((await caller.apps.list()).map((a) => a.id)).toContain(app.id);
    await caller.apps.create({ type: "chat", name: "After the outage" });
    expect(await caller.apps.list()).toHaveLength(2);
  });

  it("a proxy that accepts connections and closes them at once also gets a fast 503, and the app recovers", async () => {
    const { GET } = await import("@/app/api/health/route");
    const { callerAs, createOwner } = await import("../support/fixtures");
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    await caller.apps.create({ type: "chat", name: "Behind a proxy" });

    await proxy.down({ acceptThenClose: true });
    const started = Date.now();
    expect((await GET()).status).toBe(503);
    const failures = await Promise.all(Array.from({ length: 12 }, () => caller.apps.list().then(() => null, (error: { code?: string }) => error.code)));
    expect(failures).toEqual(Array.from({ length: 12 }, () => "SERVICE_UNAVAILABLE"));
    expect(Date.now() - started).toBeLessThan(4_000);

    await proxy.up();
    await expect.poll(async () => (await GET()).status, { timeout: 15_000, interval: 200 }).toBe(200);
    expect((await caller.apps.list()).map((a) => a.name)).toEqual(["Behind a proxy"]);
  });
});
