import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codeLimits, runCode } from "@/server/workflows/code-sandbox";

// Pure compute: every run gets a fresh isolate in this process, so "the host is unaffected" is checked right here.
describe("runCode", () => {
  it("returns main's outputs and the captured console lines", async () => {
    const result = await runCode({
      code: `function main(inputs) { console.log("adding", inputs.a, "and", { b: inputs.b }); return { sum: inputs.a + inputs.b }; }`,
      inputs: { a: 2, b: 3 },
    });
    expect(result).toMatchObject({ ok: true, outputs: { sum: 5 }, logs: ['adding 2 and {"b":3}'] });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("awaits an async main", async () => {
    const result = await runCode({
      code: `async function main({ words }) { const upper = await Promise.all(words.map(async (w) => w.toUpperCase())); return { upper }; }`,
      inputs: { words: ["a", "b"] },
    });
    expect(result).toMatchObject({ ok: true, outputs: { upper: ["A", "B"] } });
  });

  it("copies the inputs in, so mutating them inside leaves the host object alone", async () => {
    const inputs = { list: [1, 2], nested: { name: "host" } };
    const result = await runCode({
      code: `function main(inputs) { inputs.list.push(3); inputs.nested.name = "changed"; inputs.added = true; return { seen: inputs.list.length }; }`,
      inputs,
    });
    expect(result).toMatchObject({ ok: true, outputs: { seen: 3 } });
    expect(inputs).toEqual({ list: [1, 2], nested: { name: "host" } });
  });

  it("stops a loop that never ends with the time error, while the host event loop keeps ticking", async () => {
    let ticks = 0;
    const interval = setInterval(() => ticks++, 10);
    try {
      const started = Date.now();
      const result = await runCode({ code: `function main() { for (;;) {} }`, inputs: {}, timeoutMs: 1_000 });
      expect(result).toMatchObject({ ok: false });
      expect(!result.ok && result.error).toMatch(/^The code ran longer than 1 s and was stopped\./);
      expect(Date.now() - started).toBeLessThan(3_000);
      // The isolate runs on its own thread: a 1 s loop there leaves this thread free for ~100 ticks of 10 ms.
      expect(ticks).toBeGreaterThanOrEqual(30);
    } finally {
      clearInterval(interval);
    }
    const next = await runCode({ code: `function main() { return { fine: true }; }`, inputs: {} });
    expect(next).toMatchObject({ ok: true, outputs: { fine: true } });
  });

  it("a looping script does not hold up another run started beside it", async () => {
    const looping = runCode({ code: `function main() { for (;;) {} }`, inputs: {}, timeoutMs: 1_500 });
    const started = Date.now();
    const quick = await runCode({ code: `function main() { return { quick: true }; }`, inputs: {} });
    expect(quick).toMatchObject({ ok: true, outputs: { quick: true } });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await looping).ok).toBe(false);
  });

  it("stops a loop at the top level and an async main that never settles", async () => {
    const topLevel = await runCode({ code: `while (true) {}`, inputs: {}, timeoutMs: 300 });
    expect(!topLevel.ok && topLevel.error).toMatch(/^The code ran longer than 0\.3 s/);
    const pending = await runCode({ code: `async function main() { await new Promise(() => {}); }`, inputs: {}, timeoutMs: 300 });
    expect(!pending.ok && pending.error).toMatch(/^The code ran longer than 0\.3 s/);
  });

  it("stops unbounded allocation with the memory error and leaves the host heap alone", async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const result = await runCode({
      code: `function main() { const all = []; for (;;) all.push({ n: Math.random(), s: "x" + Math.random() }); }`,
      inputs: {},
      timeoutMs: 20_000,
    });
    expect(!result.ok && result.error).toBe(
      `The code used more than ${codeLimits.memoryMb} MB of memory and was stopped. Keep less data in memory, or pass smaller inputs.`,
    );
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(16 * 1024 ** 2);
    const buffers = await runCode({
      code: `function main() { const all = []; for (;;) all.push(new ArrayBuffer(1e6)); }`,
      inputs: {},
    });
    expect(!buffers.ok && buffers.error).toMatch(/^The code threw: RangeError: Array buffer allocation failed/);
    expect((await runCode({ code: `function main() { return { after: 1 }; }`, inputs: {} })).ok).toBe(true);
  });

  describe("reaching for the host", () => {
    const target = path.join(tmpdir(), `code-sandbox-${process.pid}-${Date.now()}.txt`);
    const attempts: Array<[string, string, RegExp]> = [
      ["fetch", `async function main() { await fetch("http://127.0.0.1:1/"); return {}; }`, /ReferenceError: fetch is not defined/],
      ["require('fs')", `function main() { require("fs").writeFileSync(${JSON.stringify(target)}, "x"); return {}; }`, /ReferenceError: require is not defined/],
      ["process.exit()", `function main() { process.exit(1); return {}; }`, /ReferenceError: process is not defined/],
      ["the Function constructor", `function main() { globalThis.constructor.constructor("return process")().exit(1); return {}; }`, /ReferenceError: process is not defined/],
      ["import('fs')", `async function main() { const fs = await import("fs"); fs.writeFileSync(${JSON.stringify(target)}, "x"); return {}; }`, /Error: Not supported/],
      ["setTimeout", `function main() { setTimeout(() => {}, 10); return {}; }`, /ReferenceError: setTimeout is not defined/],
    ];

    it.each(attempts)("%s fails with a clear error and nothing happens on the host", async (_name, code, expected) => {
      rmSync(target, { force: true });
      const result = await runCode({ code, inputs: {} });
      expect(result.ok).toBe(false);
      const error = !result.ok ? result.error : "";
      expect(error).toMatch(/^The code threw: /);
      expect(error).toMatch(expected);
      expect(error).toContain("no modules, network, files, process or timers");
      expect(existsSync(target)).toBe(false);
    });

    it("a static import does not compile, with the same hint", async () => {
      const result = await runCode({ code: `import fs from "fs";\nfunction main() { return {}; }`, inputs: {} });
      expect(!result.ok && result.error).toMatch(/^The code does not compile: Cannot use import statement.*no modules, network/);
    });

    it("WebAssembly is absent, since its memory would escape the memory limit", async () => {
      const result = await runCode({ code: `function main() { return { type: typeof WebAssembly }; }`, inputs: {} });
      expect(result).toMatchObject({ ok: true, outputs: { type: "undefined" } });
    });
  });

  it("aborting the signal stops a running script", async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 200);
    const result = await runCode({ code: `function main() { for (;;) {} }`, inputs: {}, signal: controller.signal });
    expect(!result.ok && result.error).toBe("The run was cancelled and the code was stopped.");
    expect(Date.now() - started).toBeLessThan(2_000);
    const already = await runCode({ code: `function main() { return {}; }`, inputs: {}, signal: controller.signal });
    expect(!already.ok && already.error).toBe("The run was cancelled and the code was stopped.");
  });

  it("explains code that does not compile, lacks main, or returns something else than an object", async () => {
    const cases: Array<[string, RegExp]> = [
      [`function main( {`, /^The code does not compile: Unexpected .*\[code\.js:1:\d+\]$/],
      [`const x = 1;`, /^Define function main\(inputs\) that returns an object\.$/],
      [`function main() { return 42; }`, /^main must return an object, like \{ result: 42 \}; it returned number\.$/],
      [`function main() { return [1]; }`, /it returned an array\.$/],
      [`function main() { return null; }`, /it returned null\.$/],
      [`function main() { return { big: 1n }; }`, /^main must return an object that JSON can hold: TypeError: /],
      [`function main() { return { toJSON: () => 5 }; }`, /its toJSON returned something else\.$/],
      [`function main() { return { toJSON: () => undefined }; }`, /it returned undefined \(from toJSON\)\.$/],
      [`function main() { throw new TypeError("no " + "name"); }`, /^The code threw: TypeError: no name$/],
      [`function main() { return { text: "x".repeat(2e6) }; }`, /^main returned 2001 KB of JSON, more than the 1 MB limit\. Return less data\.$/],
    ];
    for (const [code, expected] of cases) {
      const result = await runCode({ code, inputs: {} });
      expect(!result.ok && result.error, code).toMatch(expected);
    }
  });

  it("keeps host paths out of error messages", async () => {
    const result = await runCode({
      code: `function main() { throw new Error("failed in ${process.cwd()}/server/x.ts and file:///etc/passwd"); }`,
      inputs: {},
    });
    expect(!result.ok && result.error).toBe("The code threw: Error: failed in ./server/x.ts and [host]");
  });

  it("keeps at most 100 log lines and says the rest was left out", async () => {
    const result = await runCode({ code: `function main() { for (let i = 0; i < 500; i++) console.log(i); return {}; }`, inputs: {} });
    expect(result.logs).toHaveLength(101);
    expect(result.logs[99]).toBe("99");
    expect(result.logs[100]).toMatch(/^… more output left out/);
    const wide = await runCode({ code: `function main() { console.log("y".repeat(50000)); return {}; }`, inputs: {} });
    expect(wide.logs[0]).toHaveLength(10_000);
  });
});
