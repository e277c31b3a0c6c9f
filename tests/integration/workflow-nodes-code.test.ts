// The Code node in the real isolate sandbox: inputs from earlier outputs with their types, the declared outputs held
// to their names and types, the sandbox's own failures shown on the node, and console output kept for the trace.
import { describe, expect, it } from "vitest";
import { runCodeNode } from "@/server/workflows/nodes/code";
import { NodeError } from "@/server/workflows/nodes/node-executor";
import { nodeContext, nodeOf } from "../support/node-context";

const ctx = (outputs: Record<string, Record<string, unknown>> = {}, signal?: AbortSignal) => nodeContext({ workspaceId: "ws", outputs, signal });
const codeNode = (code: string, outputs: { name: string; type: string }[], inputs: { name: string; value: string }[] = []) =>
  nodeOf("code", { code, inputs, outputs });

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  const failure = await promise.catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(NodeError);
  return failure as Error;
}

describe("Code node", () => {
  it("gives main the inputs with their types and outputs what it returns for each declared output", async () => {
    const node = codeNode(
      `function main({ items, city, label }) {
        console.log("items", items.length);
        return { total: items.reduce((a, b) => a + b, 0), upper: city.toUpperCase(), label, extra: "dropped" };
      }`,
      [
        { name: "total", type: "number" },
        { name: "upper", type: "string" },
        { name: "label", type: "string" },
      ],
      [
        { name: "items", value: "{{http_1.json.items}}" },
        { name: "city", value: "{{start.city}}" },
        { name: "label", value: "{{start.city}} has {{http_1.json.count}} items" },
      ],
    );
    const result = await runCodeNode(node, ctx({ start: { city: "Oslo" }, http_1: { json: { items: [1, 2, 3], count: 3 } } }));
    expect(result.inputs).toEqual({ items: [1, 2, 3], city: "Oslo", label: "Oslo has 3 items" });
    expect(result.outputs).toEqual({ total: 6, upper: "OSLO", label: "Oslo has 3 items" });
    expect(result.logs).toEqual(["items 3"]);
  });

  it("async main, objects, arrays and booleans are checked against their declared types", async () => {
    const node = codeNode(`async function main() { return { ok: true, list: [1], obj: { a: 1 } }; }`, [
      { name: "ok", type: "boolean" },
      { name: "list", type: "array" },
      { name: "obj", type: "object" },
    ]);
    expect((await runCodeNode(node, ctx())).outputs).toEqual({ ok: true, list: [1], obj: { a: 1 } });
  });

  it("a declared output that main does not return fails the node, naming it", async () => {
    const node = codeNode(`function main() { return { total: 1 }; }`, [
      { name: "total", type: "number" },
      { name: "summary", type: "string" },
    ]);
    expect((await failureOf(runCodeNode(node, ctx()))).message).toBe(
      'main did not return the output "summary" (a string). Return it, as in return { summary: ... }, or remove it from the outputs.',
    );
  });

  it("an output of another type than declared fails the node, naming both types", async () => {
    const wrong = async (value: string, type: string) =>
      (await failureOf(runCodeNode(codeNode(`function main() { return { out: ${value} }; }`, [{ name: "out", type }]), ctx()))).message;
    expect(await wrong('"12"', "number")).toBe('The output "out" is declared as a number, but main returned a string. Return a number, or change the output\'s type.');
    expect(await wrong("[1]", "object")).toMatch(/declared as an object, but main returned an array/);
    expect(await wrong("null", "string")).toMatch(/declared as a string, but main returned a null/);
  });

  it("the sandbox's failures are shown on the node in its own words", async () => {
    const threw = await failureOf(runCodeNode(codeNode(`function main() { throw new Error("no data"); }`, []), ctx()));
    expect(threw.message).toBe("The code threw: Error: no data");
    const host = await failureOf(runCodeNode(codeNode(`function main() { return { v: require("fs") }; }`, []), ctx()));
    expect(host.message).toMatch(/^The code threw: ReferenceError: require is not defined The Code node runs plain JavaScript/);
    const noMain = await failureOf(runCodeNode(codeNode(`const x = 1;`, []), ctx()));
    expect(noMain.message).toBe("Define function main(inputs) that returns an object.");
  });

  it("stopping the run stops a looping script, and the stop is not reported as the node's failure", async () => {
    const stop = new AbortController();
    const running = runCodeNode(codeNode(`function main() { for (;;) {} }`, []), ctx({}, stop.signal));
    setTimeout(() => stop.abort(), 200);
    const started = performance.now();
    expect(await running.catch((e: unknown) => e)).not.toBeInstanceOf(NodeError);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
