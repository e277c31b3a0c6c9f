// The MCP conformance suite's client auth scenarios (0.1.16: the auth suite, its 2025-03-26 back-compat suite and
// the draft-spec auth scenarios) against our OAuth client, driven through the CLI (`npm run mcp:connect -- <url>`),
// which runs the app's own provider, rules and code exchange over memory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { conformance } from "../support/conformance";

let outputDir: string;
beforeAll(() => {
  outputDir = mkdtempSync(path.join(tmpdir(), "conformance-auth-"));
});
afterAll(() => {
  rmSync(outputDir, { recursive: true, force: true });
});

const runSuite = (suite: string) =>
  conformance(["client", "--command", "npm run -s mcp:connect --", "--suite", suite, "-o", path.join(outputDir, suite)]);

it("every client auth scenario of the conformance suite passes, back-compat and draft ones too, warnings included", { timeout: 300_000 }, async () => {
  const ran: string[] = [];
  // One suite at a time: each already runs its scenarios in parallel, each scenario starting its own CLI.
  for (const suite of ["auth", "backcompat", "draft"]) {
    const { code, output } = await runSuite(suite);
    const summary = output.slice(output.indexOf("=== SUITE SUMMARY ==="));
    const total = Number(/Running \w+ suite \((\d+) scenarios\)/.exec(output)?.[1]);
    const passed = summary.match(/^✓ auth\/[\w-]+: \d+ passed, 0 failed$/gm) ?? [];
    expect(total, output).toBeGreaterThan(0);
    expect(passed.length, summary).toBe(total);
    expect(summary).not.toMatch(/✗|[1-9]\d* warnings/);
    expect(code, summary).toBe(0);
    ran.push(...passed.map((line) => line.slice(2, line.indexOf(":"))));
  }
  // Every auth scenario the suite lists for a spec version (not the extensions, which are other grant types) ran.
  const listed = [...(await conformance(["list", "--client"])).output.matchAll(/^\s+- (auth\/[\w-]+) \[(?!extension)/gm)].map((m) => m[1]);
  expect(listed.length).toBeGreaterThanOrEqual(19);
  expect(ran.sort()).toEqual(listed.sort());
});
