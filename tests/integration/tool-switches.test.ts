// A tool switched off in an app's binding is kept from the model: the scripted model's request lists what it was
// offered, and a model that names the tool anyway does not reach the server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";
import { connectTestTools, createTestApp, runTestApp, testServerId } from "../support/runtime";

let llm: ScriptedLlm;
let mcp: TestMcpServer;
beforeAll(async () => {
  [llm, mcp] = await Promise.all([startScriptedLlm(), startTestMcpServer()]);
});
afterAll(async () => Promise.all([llm?.close(), mcp?.close()]));

const offered = (index: number) => (llm.requests[index]!.tools ?? []).map((t) => t.function.name).sort();

describe("switched-off tools", () => {
  it("with mode all, a tool switched off is not offered to the model and the rest are", async () => {
    const app = await createTestApp("agent", { tools: [{ serverId: testServerId, mode: "all", tools: [{ name: "echo", enabled: false }] }] });
    const { client, tools } = await connectTestTools(mcp);
    try {
      const first = llm.requests.length;
      llm.script([{ text: "Nothing to do." }]);
      await runTestApp(app, llm, { query: "Hi", tools });
      expect(offered(first)).toEqual(["test__add", "test__fail", "test__get_weather", "test__save_note", "test__slow"]);
    } finally {
      await client.close();
    }
  });

  it("with mode selected, only the tools switched on are offered", async () => {
    const app = await createTestApp("agent", { tools: [{ serverId: testServerId, mode: "selected", tools: [{ name: "add", enabled: true }, { name: "echo", enabled: false }] }] });
    const { client, tools } = await connectTestTools(mcp);
    try {
      const first = llm.requests.length;
      llm.script([{ text: "Nothing to do." }]);
      await runTestApp(app, llm, { query: "Hi", tools });
      expect(offered(first)).toEqual(["test__add"]);
    } finally {
      await client.close();
    }
  });

  it("a model that calls the switched-off tool anyway gets an error and the server never sees the call", async () => {
    const app = await createTestApp("agent", { tools: [{ serverId: testServerId, mode: "all", tools: [{ name: "echo", enabled: false }] }] });
    const { client, tools } = await connectTestTools(mcp);
    try {
      const callsBefore = mcp.methods.filter((m) => m === "tools/call").length;
      llm.script([{ toolCalls: [{ name: "test__echo", arguments: { text: "sneaky" } }] }, { text: "I could not echo." }]);
      const { result, events } = await runTestApp(app, llm, { query: "Echo sneaky", tools });
      expect(result.answer).toBe("I could not echo.");
      expect(events.find((e) => e.type === "tool-call-finished")).toMatchObject({ name: "test__echo", isError: true });
      expect(mcp.methods.filter((m) => m === "tools/call").length).toBe(callsBefore);
    } finally {
      await client.close();
    }
  });
});
