// The MCP conformance suite (server mode, every scenario of 0.1.16) against the workspace MCP server of a workspace
// with a chat app, an agent and a text generator, with its own baseline of the scenarios that cannot apply
// (tests/conformance/workspace-server-expected-failures.yml), each checked to fail for that reason and no other.
import path from "node:path";
import { afterAll, beforeAll, it } from "vitest";
import { expectConformance } from "../support/conformance";
import { useEndpointHarness } from "../support/endpoint-harness";
import { startServerEverything } from "../support/server-everything";
import { createWorkspaceApps } from "../support/workspace-apps";

// As deployed: this server's own origin is its APP_URL, the one Origin a browser may call from.
const h = useEndpointHarness({ useOwnOrigin: true });
let everything: Awaited<ReturnType<typeof startServerEverything>>;
beforeAll(async () => {
  everything = await startServerEverything("streamableHttp");
});
afterAll(() => everything?.close());

it("the conformance suite passes against the workspace server, except the baseline's fixture scenarios", { timeout: 300_000 }, async () => {
  const ws = await createWorkspaceApps(h.endpoint, h.llm, { toolServerUrl: everything.url });
  await expectConformance(ws.url, {
    baselineFile: path.resolve("tests/conformance/workspace-server-expected-failures.yml"),
    expectedFailure: /unknown tool|not found|method not found/i,
  });
});
