// getMany (MGET) on every KV driver: memory always; Redis and Upstash (through the REST bridge) when REDIS_URL is set.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryKv } from "@/server/kv/memory";
import { createRedisKv } from "@/server/kv/redis";
import type { Kv } from "@/server/kv/types";
import { createUpstashKv } from "@/server/kv/upstash";
import { startUpstashBridge } from "@/tests/support/upstash-bridge";

const redisUrl = process.env.REDIS_URL;
const runPrefix = `sy-test:${randomUUID()}:`;

function getManyContract(name: string, createKv: () => Kv) {
  describe(`getMany on the ${name} driver`, () => {
    let kv: Kv;
    beforeAll(() => {
      kv = createKv();
    });
    afterAll(async () => {
      await kv.del("many:a");
      await kv.del("many:c");
      await kv.close();
    });

    it("answers every key in the order asked, null for the absent ones, values byte for byte", async () => {
      await kv.set("many:a", "first ✓");
      await kv.set("many:c", "123", { ttlSeconds: 60 });
      expect(await kv.getMany(["many:c", "many:b", "many:a", "many:c"])).toEqual(["123", null, "first ✓", "123"]);
    });

    it("answers no keys with an empty list", async () => {
      expect(await kv.getMany([])).toEqual([]);
    });
  });
}

getManyContract("memory", () => createMemoryKv({ prefix: runPrefix }));

if (redisUrl) {
  getManyContract("redis", () => createRedisKv({ url: redisUrl, prefix: runPrefix }));

  describe("through the Upstash REST bridge", () => {
    const token = randomUUID();
    let bridge: Awaited<ReturnType<typeof startUpstashBridge>> | undefined;
    beforeAll(async () => {
      bridge = await startUpstashBridge({ redisUrl, token });
    });
    afterAll(async () => {
      await bridge?.close();
    });
    // The bridge starts in beforeAll: the driver is created lazily, once its address is known.
    getManyContract("upstash", () => createUpstashKv({ url: bridge!.url, token, prefix: runPrefix }));
  });

  it("a Redis that cannot be reached fails getMany with unavailable:kv", async () => {
    const kv = createRedisKv({ url: "redis://127.0.0.1:1", prefix: runPrefix });
    await expect(kv.getMany(["many:a"])).rejects.toMatchObject({ code: "unavailable:kv" });
    await kv.close();
  });
}
