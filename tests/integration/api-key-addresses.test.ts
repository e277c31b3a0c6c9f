// The per-address limit on bearer calls, through a real HTTP server that treats headers as `next start` does.
import { afterAll, describe, expect, it } from "vitest";
import { createContext } from "@/server/api/context";
import { toAppError } from "@/server/errors";
import { startNextLikeServer } from "../support/next-like-server";

const server = await startNextLikeServer(async (request) => {
  try {
    await createContext({ headers: request.headers });
    return Response.json({ code: "ok" });
  } catch (error) {
    return toAppError(error).toResponse();
  }
});
afterAll(() => server.close());

const call = (from: string, headers: Record<string, string> = {}) =>
  server.post(from, "/api/trpc/members.list", {}, { authorization: "Bearer sy_not-a-real-key-000000000000", ...headers });

describe("the per-address limit on API-key calls", () => {
  it("counts the address that connected, however many addresses the caller writes into X-Forwarded-For", async () => {
    for (let i = 0; i < 600; i += 50) {
      const batch = Array.from({ length: 50 }, (_, j) => call("127.0.0.2", { "x-forwarded-for": `198.51.100.${(i + j) % 250}` }));
      for (const answer of await Promise.all(batch)) expect(answer.status).toBe(401);
    }
    const refused = await call("127.0.0.2", { "x-forwarded-for": "203.0.113.99" });
    expect(refused).toMatchObject({ status: 429, json: { code: "rate_limit:api_key" } });
    // Another caller is not held to the first one's budget.
    expect((await call("127.0.0.3")).status).toBe(401);
  });
});
