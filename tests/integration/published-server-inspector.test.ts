// The MCP Inspector's CLI (what people try first) lists and calls a published app.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";

const run = promisify(execFile);
const inspectorBuild = path.resolve("node_modules/@modelcontextprotocol/inspector-cli/build");

let endpoint: TestEndpoint;
let llm: ScriptedLlm;

beforeAll(async () => {
  endpoint = await startTestEndpoint();
  llm = await startScriptedLlm();
});
afterAll(async () => {
  await settleCallLogs();
  await endpoint.close();
  await llm.close();
});

async function inspect(url: string, ...args: string[]) {
  // The CLI finds its own package.json through "../package.json" relative to the working directory (1.0.3), so it
  // runs from its build folder, as `mcp-inspector-cli --cli` would from a checkout of the inspector.
  const { stdout } = await run(process.execPath, ["index.js", url, "--transport", "http", ...args], { cwd: inspectorBuild, timeout: 60_000 });
  return JSON.parse(stdout);
}

it("the inspector CLI lists the published tool and calls it", { timeout: 120_000 }, async () => {
  const { url } = await createPublishedApp(endpoint, llm, {
    draft: { variables: [{ key: "units", label: "Units", type: "select", options: ["metric", "imperial"], required: true }] },
    settings: { parameterDescriptions: { units: "Metric or imperial units." } },
  });

  const listed = await inspect(url, "--method", "tools/list");
  expect(listed.tools).toEqual([
    expect.objectContaining({
      name: "weather_helper",
      description: "Answers weather questions.",
      inputSchema: expect.objectContaining({ required: ["query", "units"] }),
    }),
  ]);

  llm.script([{ text: "12 °C and windy." }]);
  const called = await inspect(url, "--method", "tools/call", "--tool-name", "weather_helper", "--tool-arg", "query=Oslo?", "units=metric");
  expect(called.isError ?? false).toBe(false);
  expect(called.structuredContent).toMatchObject({ answer: "12 °C and windy.", conversation_id: expect.any(String) });
  expect(llm.requests[0]!.messages.at(-1)).toMatchObject({ role: "user", content: "Oslo?" });
});
