// The MCP conformance suite (server mode, every scenario of 0.1.16) against a published app, with a committed baseline
// of the scenarios that need fixture tools, resources or prompts a published app cannot have
// (tests/conformance/server-expected-failures.yml), each checked to fail for that reason and no other
// (tests/support/conformance.ts).
import path from "node:path";
import { afterAll, beforeAll, it } from "vitest";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { expectConformance } from "../support/conformance";
import { createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";

let endpoint: TestEndpoint;
let llm: ScriptedLlm;

beforeAll(async () => {
  // As deployed: this server's own origin is its APP_URL, the one Origin a browser may call from.
  endpoint = await startTestEndpoint({ useOwnOrigin: true });
  llm = await startScriptedLlm();
});
afterAll(async () => {
  await settleCallLogs();
  await endpoint.close();
  await llm.close();
});

it("the conformance suite passes against a published app, except the baseline's fixture scenarios", { timeout: 300_000 }, async () => {
  const { url } = await createPublishedApp(endpoint, llm, {
    draft: { variables: [{ key: "city", label: "City", type: "text", description: "Which city" }] },
    settings: { parameterDescriptions: { city: "The city to ask about." } },
  });
  await expectConformance(url, {
    baselineFile: path.resolve("tests/conformance/server-expected-failures.yml"),
    expectedFailure: /unknown tool|not found|method not found/i,
  });
});
