// The MCP conformance suite (`conformance server --suite all`, 0.1.16) against one server URL with a committed
// baseline of expected failures: every scenario the suite lists must run, those outside the baseline must pass, and
// each baseline scenario must fail only because of what the baseline says (the fixture it calls is absent).
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";

/** Runs the suite's CLI with `args`; its output, stdout and stderr together. */
export function conformance(args: string[]): Promise<{ code: number | null; output: string }> {
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
function failureMessages(outputDir: string, scenario: string): string[] {
  const dir = readdirSync(outputDir).find((name) => new RegExp(`^server-${scenario}-\\d{4}-`).test(name));
  if (!dir) return [`no results for ${scenario}`];
  const checks = JSON.parse(readFileSync(path.join(outputDir, dir, "checks.json"), "utf8")) as { status: string; errorMessage?: string }[];
  return checks.filter((check) => check.status === "FAILURE").map((check) => check.errorMessage ?? "(no message)");
}

/** The scenario names a baseline file lists ("  - name # why"). */
export function baselineScenarios(baselineFile: string): string[] {
  return [...readFileSync(baselineFile, "utf8").matchAll(/^\s+- ([\w-]+)/gm)].map((m) => m[1]!);
}

/** Runs the whole suite against `url` and checks the outcome against the baseline (see the header). */
export async function expectConformance(url: string, { baselineFile, expectedFailure }: { baselineFile: string; expectedFailure: RegExp }) {
  const outputDir = mkdtempSync(path.join(tmpdir(), "conformance-"));
  try {
    const baseline = baselineScenarios(baselineFile);
    const { code, output } = await conformance(["server", "--url", url, "--suite", "all", "--expected-failures", baselineFile, "-o", outputDir]);
    expect(output, output).not.toMatch(/unexpected|stale/i);
    expect(code, output).toBe(0);

    // Every scenario the suite lists ran: a new release's scenarios are not skipped unseen.
    const listed = [...(await conformance(["list", "--server"])).output.matchAll(/^\s+- ([\w-]+) \[/gm)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThanOrEqual(32);
    for (const scenario of listed) expect(output).toMatch(new RegExp(`[✓✗] ${scenario}: \\d+ passed, \\d+ failed`));

    // Exit 0 also covers "failed as expected": the scenarios outside the baseline must really pass...
    for (const scenario of listed.filter((name) => !baseline.includes(name))) {
      expect(output).toMatch(new RegExp(`✓ ${scenario}: \\d+ passed, 0 failed`));
    }
    // ...and the baseline's scenarios fail only for the reason it gives.
    for (const scenario of baseline) {
      const messages = failureMessages(outputDir, scenario);
      expect(messages.length, scenario).toBeGreaterThan(0);
      for (const message of messages) expect(message, scenario).toMatch(expectedFailure);
    }
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
}
