// The MCP conformance suite (server mode) against a published app, with a committed baseline of the scenarios that
// need fixture tools, resources or prompts a published app cannot have (tests/conformance/server-expected-failures.yml).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";

let endpoint: TestEndpoint;
let llm: ScriptedLlm;
let outputDir: string;

beforeAll(async () => {
  // As deployed: this server's own origin is its APP_URL, the one Origin a browser may call from.
  endpoint = await startTestEndpoint({ useOwnOrigin: true });
  llm = await startScriptedLlm();
  outputDir = mkdtempSync(path.join(tmpdir(), "conformance-"));
});
afterAll(async () => {
  await settleCallLogs();
  await endpoint.close();
  await llm.close();
  rmSync(outputDir, { recursive: true, force: true });
});

function runConformance(url: string): Promise<{ code: number | null; output: string }> {
  const bin = path.resolve("node_modules/.bin/conformance");
  const args = ["server", "--url", url, "--expected-failures", path.resolve("tests/conformance/server-expected-failures.yml"), "-o", outputDir];
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, NO_COLOR: "1" } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

it("the conformance suite passes against a published app, except the baseline's fixture scenarios", { timeout: 300_000 }, async () => {
  const { url } = await createPublishedApp(endpoint, llm, {
    draft: { variables: [{ key: "city", label: "City", type: "text", description: "Which city" }] },
    settings: { parameterDescriptions: { city: "The city to ask about." } },
  });
  const { code, output } = await runConformance(url);
  expect(output, output).not.toMatch(/unexpected|stale/i);
  expect(code, output).toBe(0);
  // Exit 0 also covers "failed as expected": the scenarios that need no fixture must really pass.
  for (const scenario of ["server-initialize", "logging-set-level", "ping", "tools-list", "server-sse-multiple-streams", "dns-rebinding-protection"]) {
    expect(output).toMatch(new RegExp(`✓ ${scenario}: \\d+ passed, 0 failed`));
  }
});
