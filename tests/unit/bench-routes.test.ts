// The benchmark's baseline routes live in the app build; a deployment without BENCH_ROUTES=1 must answer 404 from
// every one of them, whatever it is sent (app/bench/*).
import { afterEach, describe, expect, it, vi } from "vitest";
import * as framework from "@/app/bench/framework/route";
import * as memory from "@/app/bench/memory/route";
import * as naive from "@/app/bench/naive/route";
import * as preview from "@/app/bench/preview/route";

const post = (body: unknown) => new Request("http://localhost/bench", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
const toolsList = { jsonrpc: "2.0", id: 1, method: "tools/list" };

describe("benchmark routes", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("answer 404 unless BENCH_ROUTES=1", async () => {
    vi.stubEnv("BENCH_ROUTES", "");
    vi.stubEnv("BENCH_PREVIEW_MODEL_URL", "http://127.0.0.1:9");
    expect((await framework.POST(post(toolsList))).status).toBe(404);
    expect((await naive.POST(post(toolsList))).status).toBe(404);
    expect((await memory.GET()).status).toBe(404);
    expect((await preview.POST(post({ query: "hi" }))).status).toBe(404);
  });

  it("the bare preview route also needs the model's address, so it can reach no other", async () => {
    vi.stubEnv("BENCH_ROUTES", "1");
    vi.stubEnv("BENCH_PREVIEW_MODEL_URL", "");
    expect((await preview.POST(post({ query: "hi" }))).status).toBe(404);
  });

  it("answer when switched on", async () => {
    vi.stubEnv("BENCH_ROUTES", "1");
    const answer = await framework.POST(post(toolsList));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ jsonrpc: "2.0", id: 1, result: { tools: expect.any(Array) } });
  });
});
