// The set-up of the suites whose published agent asks before its tool runs (save_note): the endpoint harness with
// short ask limits, the test tool server, a second endpoint instance sharing the database and the KV store (as
// behind a load balancer) and what those suites look at afterwards.
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll } from "vitest";
import { getDb } from "@/server/db";
import { toolCalls } from "@/server/db/schema";
import { useEndpointHarness, type EndpointHarness } from "./endpoint-harness";
import { createPublishedApp } from "./published-app";
import { startTestEndpoint, type TestEndpoint } from "./published-endpoint";
import { startTestMcpServer, type TestMcpServer } from "./test-mcp-server";

export interface AskingEndpointHarness extends EndpointHarness {
  /** The tool server; its saved notes are cleared after each test. */
  tools: TestMcpServer;
  second: TestEndpoint;
  /** A published agent whose model saves `notes` in one round, then answers "Done.". */
  agentApp(notes?: string[]): ReturnType<typeof createPublishedApp>;
  /** What the model was told of the tool calls in its next request. */
  toolMessage(): string;
  /** The stored approval of every tool call in the workspace. */
  approvals(workspaceId: string): Promise<(typeof toolCalls.$inferSelect)["approval"][]>;
}

export function useAskingEndpointHarness({ askTimeoutMs }: { askTimeoutMs: number }): AskingEndpointHarness {
  const limits = { askTimeoutMs, askPollMs: 100 };
  const h = useEndpointHarness(limits) as AskingEndpointHarness;
  h.agentApp = async (notes = ["buy milk"]) => {
    const published = await createPublishedApp(h.endpoint, h.llm, { type: "agent", name: "Note keeper", toolServerUrl: h.tools.url });
    h.llm.script([{ toolCalls: notes.map((text) => ({ name: "test__save_note", arguments: { text } })) }, { text: "Done." }]);
    return published;
  };
  h.toolMessage = () => JSON.stringify(h.llm.requests[1]?.messages.filter((m) => m.role === "tool"));
  h.approvals = async (workspaceId) =>
    (await (await getDb()).select().from(toolCalls).where(eq(toolCalls.workspaceId, workspaceId))).map((row) => row.approval);
  beforeAll(async () => {
    [h.tools, h.second] = await Promise.all([startTestMcpServer(), startTestEndpoint(limits)]);
  });
  afterAll(() => Promise.all([h.tools.close(), h.second.close()]));
  afterEach(() => {
    h.tools.notes.splice(0);
  });
  return h;
}
