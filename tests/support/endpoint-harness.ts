// The set-up every published-endpoint suite shares: a test endpoint for the file, a fresh scripted model per test,
// and the clients a test opens closed after it (with the call logs settled, so no write outlives its test).
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { connectClient, type createPublishedApp } from "./published-app";
import { startTestEndpoint, type TestEndpoint } from "./published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "./scripted-llm";

type Caller = Awaited<ReturnType<typeof createPublishedApp>>["caller"];

export interface EndpointHarness {
  endpoint: TestEndpoint;
  llm: ScriptedLlm;
  /** A 2025 SDK client on `url`, closed after the test. */
  connect(url: string, options?: Parameters<typeof connectClient>[1]): Promise<Client>;
  /** Closes `client` after the test. */
  track<T extends { close(): Promise<void> }>(client: T): T;
  /** The server's call log once every pending write has landed. */
  callLogs(caller: Caller, appId: string): Promise<Awaited<ReturnType<Caller["publishedServers"]["listCalls"]>>["items"]>;
}

export function useEndpointHarness(options: Parameters<typeof startTestEndpoint>[0] = {}): EndpointHarness {
  const open: Array<{ close(): Promise<void> }> = [];
  const harness: EndpointHarness = {
    endpoint: undefined as unknown as TestEndpoint,
    llm: undefined as unknown as ScriptedLlm,
    track(client) {
      open.push(client);
      return client;
    },
    async connect(url, connectOptions) {
      return harness.track(await connectClient(url, connectOptions));
    },
    async callLogs(caller, appId) {
      await settleCallLogs();
      return (await caller.publishedServers.listCalls({ appId })).items;
    },
  };
  beforeAll(async () => {
    harness.endpoint = await startTestEndpoint(options);
  });
  afterAll(async () => {
    await settleCallLogs();
    await harness.endpoint.close();
  });
  beforeEach(async () => {
    harness.llm = await startScriptedLlm();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close().catch(() => {})));
    await settleCallLogs();
    await harness.llm.close();
  });
  return harness;
}
