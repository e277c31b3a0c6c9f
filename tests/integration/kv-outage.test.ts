// The KV store when it is down (every driver fails closed with unavailable:kv, rate limits and locks included),
// the process-wide store, and key building. The drivers' shared contract is kv-contract.test.ts.
import { randomUUID } from "node:crypto";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeKv, getKv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";
import { withLock } from "@/server/kv/lock";
import { rateLimit } from "@/server/kv/rate-limit";
import { createRedisKv } from "@/server/kv/redis";
import type { Kv } from "@/server/kv/types";
import { createUpstashKv } from "@/server/kv/upstash";

const runPrefix = `sy-test:${randomUUID()}:`;
const unreachableRedis = "redis://127.0.0.1:1";

describe("when the KV store is unreachable", () => {
  const drivers: [string, () => Kv][] = [
    ["redis", () => createRedisKv({ url: unreachableRedis, prefix: runPrefix })],
    // Port 1 refuses connections, like a Redis that is down.
    ["upstash", () => createUpstashKv({ url: "http://127.0.0.1:1", token: "t", prefix: runPrefix })],
  ];

  for (const [name, createKv] of drivers) {
    it(`the ${name} driver rejects ping with unavailable:kv within two seconds`, async () => {
      const kv = createKv();
      const started = Date.now();
      try {
        await expect(kv.ping()).rejects.toMatchObject({ code: "unavailable:kv" });
        expect(Date.now() - started).toBeLessThan(2_000);
      } finally {
        await kv.close();
      }
    });

    it(`rateLimit over the ${name} driver fails open and warns`, async () => {
      const kv = createKv();
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      try {
        const result = await rateLimit(kv, { bucket: "unreachable", id: "user-1", limit: 1, windowSeconds: 60 });
        expect(result).toEqual({ ok: true, remaining: 1, retryAfter: 0 });
        const lines = warn.mock.calls.map((args) => args.map(String).join(" "));
        const line = lines.find((l) => l.includes("rate limit failed open"));
        expect(line).toContain("[rate_limit:unreachable]");
        expect(line).not.toContain("user-1");
      } finally {
        warn.mockRestore();
        await kv.close();
      }
    });
  }

  describe("behind a server that accepts connections but never answers", () => {
    let silent: Server;
    let port: number;
    const sockets = new Set<Socket>();
    beforeAll(async () => {
      silent = createServer((socket) => sockets.add(socket));
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      port = (silent.address() as AddressInfo).port;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    const hanging: [string, () => Kv][] = [
      ["redis", () => createRedisKv({ url: `redis://127.0.0.1:${port}`, prefix: runPrefix })],
      ["upstash", () => createUpstashKv({ url: `http://127.0.0.1:${port}`, token: "t", prefix: runPrefix })],
    ];
    for (const [name, createKv] of hanging) {
      it(`the ${name} driver gives up after about two seconds instead of hanging`, async () => {
        const kv = createKv();
        const started = Date.now();
        try {
          await expect(kv.get("anything")).rejects.toMatchObject({ code: "unavailable:kv" });
          expect(Date.now() - started).toBeLessThan(3_000);
        } finally {
          await kv.close();
        }
      });
    }
  });

  it("withLock fails closed with unavailable:kv instead of running unguarded", async () => {
    const kv = createRedisKv({ url: unreachableRedis, prefix: runPrefix });
    const fn = vi.fn(async () => "ran");
    try {
      await expect(withLock(kv, "unreachable", { ttlMs: 1_000, waitMs: 100 }, fn)).rejects.toMatchObject({
        code: "unavailable:kv",
      });
      expect(fn).not.toHaveBeenCalled();
    } finally {
      await kv.close();
    }
  });
});

describe("getKv", () => {
  afterAll(async () => {
    await closeKv();
  });

  it("returns one store until closeKv, with the driver the environment asks for", async () => {
    const kv = getKv();
    expect(getKv()).toBe(kv);
    const expected = process.env.UPSTASH_REDIS_REST_URL ? "upstash" : process.env.REDIS_URL ? "redis" : "memory";
    expect(kv.driver).toBe(expected);
    await kv.ping();
    await closeKv();
    expect(getKv()).not.toBe(kv);
  });
});

describe("kvKeys", () => {
  it("builds keys without spaces and never stores an email or OAuth state in the clear", () => {
    const keys = [
      kvKeys.signInFailures("Some One@Example.com", "2001:db8::1"),
      kvKeys.rateLimit("mcp_server", "a user id with spaces"),
      kvKeys.oauthState("raw state xyzzy"),
      kvKeys.cache("tools", "id with spaces"),
      kvKeys.lock("oauth-refresh:123"),
    ];
    for (const k of keys) expect(k).not.toMatch(/\s/);
    expect(keys[0]).not.toContain("example");
    expect(keys[2]).not.toContain("xyzzy");
  });

  it("counts sign-in failures for one email whatever its case, and keeps ids from colliding across buckets", () => {
    expect(kvKeys.signInFailures(" A@Example.com", "1.2.3.4")).toBe(kvKeys.signInFailures("a@example.com", "1.2.3.4"));
    expect(kvKeys.signInFailures("a@example.com", "1.2.3.4")).not.toBe(kvKeys.signInFailures("a@example.com", "1.2.3.5"));
    expect(kvKeys.rateLimit("a", "b:c")).not.toBe(kvKeys.rateLimit("a:b", "c"));
  });

  it("keeps an account's backoff keys apart from each other, whatever the email's case, with no email in the clear", () => {
    const keys = [
      kvKeys.signInAccountFailures(" Some.One@Example.com"),
      kvKeys.signInBackoff("some.one@example.com"),
      kvKeys.signInKnownAddress("SOME.ONE@example.com", "2001:db8:0:1::/64"),
    ];
    expect(new Set(keys).size).toBe(3);
    for (const k of keys) expect(k).not.toMatch(/\s|example|some/i);
    expect(kvKeys.signInAccountFailures("A@Example.com")).toBe(kvKeys.signInAccountFailures("a@example.com"));
    expect(kvKeys.signInKnownAddress("a@example.com", "1.2.3.4")).not.toBe(kvKeys.signInKnownAddress("a@example.com", "1.2.3.5"));
  });

  it("refuses a code-chosen name with spaces", () => {
    expect(() => kvKeys.lock("has space")).toThrow();
  });
});
