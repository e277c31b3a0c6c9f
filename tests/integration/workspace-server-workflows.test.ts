// A published workflow on the workspace MCP server, beside the workspace's other apps: one more tool whose input
// is its Start form and whose output is its End outputs, called like any other.
import { describe, expect, it } from "vitest";
import { useWorkspaceHarness } from "../support/workspace-apps";
import { wfEdge, wfNode } from "../support/workflow-apps";

const { h, workspace } = useWorkspaceHarness();

describe("the workspace server", () => {
  it("offers a published workflow as a tool with its Start form and End outputs, and runs it", async () => {
    const ws = await workspace();
    await ws.publish({
      type: "workflow",
      name: "Greeter",
      draft: {
        variables: [{ key: "name", label: "Name", type: "text", required: true, description: "Who to greet" }],
        workflow: {
          nodes: [wfNode("start", "start"), wfNode("hello", "template", { template: "Hello {{start.name}}" }), wfNode("end", "end", { outputs: [{ name: "greeting", type: "string", value: "hello.text" }] })],
          edges: [wfEdge("start", "hello"), wfEdge("hello", "end")],
        },
      },
    });
    const client = await h.connect(ws.url);
    const tool = (await client.listTools()).tools.find((t) => t.title === "Greeter");
    expect(tool).toMatchObject({
      inputSchema: { properties: { name: { type: "string" } }, required: ["name"] },
      outputSchema: { type: "object", properties: { greeting: { type: "string" } }, required: ["greeting"] },
    });
    expect(tool!.inputSchema.properties).not.toHaveProperty("query");
    const result = await client.callTool({ name: tool!.name, arguments: { name: "Ada" } });
    expect(result.structuredContent).toEqual({ greeting: "Hello Ada" });
  }, 30_000);
});
