// The MCP conformance suite's client auth scenarios against our OAuth client, driven through the CLI
// (`npm run mcp:connect -- <url>`), which runs the app's own provider, rules and code exchange over memory.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

let outputDir: string;
beforeAll(() => {
  outputDir = mkdtempSync(path.join(tmpdir(), "conformance-auth-"));
});
afterAll(() => {
  rmSync(outputDir, { recursive: true, force: true });
});

function runSuite(): Promise<{ code: number | null; output: string }> {
  const bin = path.resolve("node_modules/.bin/conformance");
  const args = ["client", "--command", "npm run -s mcp:connect --", "--suite", "auth", "-o", outputDir];
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, NO_COLOR: "1" } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

it("every client auth scenario of the conformance suite passes, warnings included", { timeout: 300_000 }, async () => {
  const { code, output } = await runSuite();
  const summary = output.slice(output.indexOf("=== SUITE SUMMARY ==="));
  const total = Number(/Running auth suite \((\d+) scenarios\)/.exec(output)?.[1]);
  const passed = summary.match(/^✓ auth\/[\w-]+: \d+ passed, 0 failed$/gm) ?? [];
  expect(total, output).toBeGreaterThanOrEqual(15);
  expect(passed.length, summary).toBe(total);
  expect(summary).not.toMatch(/✗|[1-9]\d* warnings/);
  expect(code, summary).toBe(0);
});
