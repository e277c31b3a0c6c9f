// The mcp:connect CLI as a person runs it through npm: asking for help prints usage, not a URL error.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

function mcpConnect(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", "mcp:connect", "--", ...args], { env: process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (status) => resolve({ status, stdout, stderr }));
  });
}

describe("npm run mcp:connect", () => {
  it.each(["--help", "-h"])("%s prints usage on stdout and succeeds", async (flag) => {
    const result = await mcpConnect(flag);
    expect(result.stdout).toContain("usage: npm run mcp:connect -- <server url>");
    expect(result.stderr).not.toContain("Invalid URL");
    expect(result.status).toBe(0);
  }, 60_000);

  it("something that is not a URL is named, with usage, and fails", async () => {
    const result = await mcpConnect("not a url");
    expect(result.stderr).toContain('"not a url" is not a URL.');
    expect(result.stderr).toContain("usage: npm run mcp:connect");
    expect(result.status).toBe(2);
  }, 60_000);
});
