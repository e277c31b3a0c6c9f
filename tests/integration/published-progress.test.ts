// Progress on published calls that asked for it, through the SDK's real Client over HTTP: a heartbeat keeps a client
// with a short timeout (reset on progress) waiting through a long model turn, and a connected server's own progress
// for the tool an agent runs reaches the caller.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progressHeartbeatMs } from "@/server/mcp/server/call-progress";
import { createPublishedApp } from "../support/published-app";
import { startServerEverything } from "../support/server-everything";
import { useEndpointHarness } from "../support/endpoint-harness";

const h = useEndpointHarness();
let everything: Awaited<ReturnType<typeof startServerEverything>>;
beforeAll(async () => {
  everything = await startServerEverything("streamableHttp");
});
afterAll(() => everything.close());

type Progress = { progress: number; total?: number; message?: string };

describe("progress during a long call", () => {
  it("a client with a 3 s timeout reset on progress gets the answer of a model that takes 8 s", async () => {
    expect(progressHeartbeatMs).toBeLessThan(3_000);
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const client = await h.connect(url);
    h.llm.script([{ text: "Worth the wait.", delayMs: 8_000 }]);
    const progress: Progress[] = [];
    const result = await client.callTool({ name: "weather_helper", arguments: { query: "Slowly, please." } }, undefined, {
      timeout: 3_000,
      resetTimeoutOnProgress: true,
      onprogress: (p) => progress.push(p),
    });
    expect(result.structuredContent).toMatchObject({ answer: "Worth the wait." });
    const heartbeats = progress.filter((p) => p.message?.startsWith("Still working ("));
    expect(heartbeats.length).toBeGreaterThanOrEqual(3);
    // Progress only ever grows (MCP 2025-06-18, utilities/progress).
    expect(progress.map((p) => p.progress)).toEqual(progress.map((_, i) => i + 1));
  }, 30_000);

  it("the same client without progress gives up at 3 s: the heartbeat is what kept it waiting", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const client = await h.connect(url);
    h.llm.script([{ text: "Too late.", delayMs: 8_000 }]);
    await expect(client.callTool({ name: "weather_helper", arguments: { query: "Slowly." } }, undefined, { timeout: 3_000 })).rejects.toThrow(/timed out/i);
  }, 30_000);

  it("a connected server's progress for the tool an agent runs reaches the caller", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm, { type: "agent", toolServerUrl: everything.url });
    const client = await h.connect(url);
    const tool = "test__trigger-long-running-operation";
    h.llm.script([{ toolCalls: [{ name: tool, arguments: { duration: 1.5, steps: 3 } }] }, { text: "Done." }]);
    const progress: Progress[] = [];
    const result = await client.callTool({ name: "weather_helper", arguments: { query: "Run it." } }, undefined, { onprogress: (p) => progress.push(p) });
    expect(result.structuredContent).toMatchObject({ answer: "Done." });
    const messages = progress.map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining([`Tool ${tool}: 1/3`, `Tool ${tool}: 2/3`, `Tool ${tool}: 3/3`]));
    expect(messages.indexOf(`Calling tool ${tool}`)).toBeLessThan(messages.indexOf(`Tool ${tool}: 1/3`));
    expect(messages.indexOf(`Tool ${tool}: 3/3`)).toBeLessThan(messages.indexOf(`Tool ${tool} finished`));
  }, 30_000);
});
