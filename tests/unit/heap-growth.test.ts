import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { capHeapGrowth } from "@/server/heap-growth";

describe("capHeapGrowth", () => {
  const mb = 1024 ** 2;

  it("holds the growing factor at 2 when V8 would allow 4 (a heap limit of 2 GB or more)", () => {
    const set: string[] = [];
    expect(capHeapGrowth(4144 * mb, (flags) => set.push(flags))).toBe(true);
    expect(capHeapGrowth(2048 * mb, (flags) => set.push(flags))).toBe(true);
    expect(set).toEqual(["--heap-growing-percent=100", "--heap-growing-percent=100"]);
  });

  it("leaves smaller limits (a container's, say) to V8", () => {
    const set: string[] = [];
    expect(capHeapGrowth(2047 * mb, (flags) => set.push(flags))).toBe(false);
    expect(capHeapGrowth(256 * mb, (flags) => set.push(flags))).toBe(false);
    expect(set).toEqual([]);
  });

  // V8 ignores a flag it does not know without a word: this says so if a Node upgrade drops it.
  it("this Node's V8 has the flag", () => {
    const options = execFileSync(process.execPath, ["--v8-options"], { encoding: "utf8" });
    expect(options).toContain("--heap-growing-percent");
  });
});
