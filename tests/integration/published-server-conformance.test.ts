// The MCP conformance suite (server mode, every scenario of 0.1.16) against a published app, with a committed baseline
// of the scenarios that need fixture tools, resources or prompts a published app cannot have
// (tests/conformance/server-expected-failures.yml), each checked to fail for that reason and no other.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
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

const baselineFile = path.resolve("tests/conformance/server-expected-failures.yml");
const baseline = [...readFileSync(baselineFile, "utf8").matchAll(/^\s+- ([\w-]+)/gm)].map((m) => m[1]);

function conformance(args: string[]): Promise<{ code: number | null; output: string }> {
  const bin = path.resolve("node_modules/.bin/conformance");
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, NO_COLOR: "1" } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** The failed checks' messages of one scenario, from the result files the suite writes (server-<scenario>-<time>/). */
function failureMessages(scenario: string): string[] {
  const dir = readdirSync(outputDir).find((name) => new RegExp(`^server-${scenario}-\\d{4}-`).test(name));
  if (!dir) return [`no results for ${scenario}`];
  const checks = JSON.parse(readFileSync(path.join(outputDir, dir, "checks.json"), "utf8")) as { status: string; errorMessage?: string }[];
  return checks.filter((check) => check.status === "FAILURE").map((check) => check.errorMessage ?? "(no message)");
}

it("the conformance suite passes against a published app, except the baseline's fixture scenarios", { timeout: 300_000 }, async () => {
  const { url } = await createPublishedApp(endpoint, llm, {
    draft: { variables: [{ key: "city", label: "City", type: "text", description: "Which city" }] },
    settings: { parameterDescriptions: { city: "The city to ask about." } },
  });
  const { code, output } = await conformance(["server", "--url", url, "--suite", "all", "--expected-failures", baselineFile, "-o", outputDir]);
  expect(output, output).not.toMatch(/unexpected|stale/i);
  expect(code, output).toBe(0);

  // Every scenario the suite lists ran: a new release's scenarios are not skipped unseen.
  const listed = [...(await conformance(["list", "--server"])).output.matchAll(/^\s+- ([\w-]+) \[/gm)].map((m) => m[1]);
  expect(listed.length).toBeGreaterThanOrEqual(32);
  for (const scenario of listed) expect(output).toMatch(new RegExp(`[✓✗] ${scenario}: \\d+ passed, \\d+ failed`));

  // Exit 0 also covers "failed as expected": the scenarios that need no fixture must really pass...
  for (const scenario of listed.filter((name) => !baseline.includes(name))) {
    expect(output).toMatch(new RegExp(`✓ ${scenario}: \\d+ passed, 0 failed`));
  }
  // ...and the baseline's scenarios fail only because the fixture they call is absent.
  for (const scenario of baseline) {
    const messages = failureMessages(scenario);
    expect(messages.length, scenario).toBeGreaterThan(0);
    for (const message of messages) expect(message, scenario).toMatch(/unknown tool|not found|method not found/i);
  }
});
