// Form fields named like Object.prototype's members: an editor may call a field "constructor" or "prototype" (real
// words), and the app must still publish, list its tool and run; "__proto__" cannot be a plain key, so it is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { callerAs, createOwner } from "../support/fixtures";
import { connectClient, createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";

let endpoint: TestEndpoint;
let llm: ScriptedLlm;
beforeAll(async () => {
  [endpoint, llm] = await Promise.all([startTestEndpoint(), startScriptedLlm({ fallback: { text: "Built." } })]);
});
afterAll(async () => {
  await settleCallLogs();
  await Promise.all([endpoint.close(), llm.close()]);
});

describe("form fields named after Object.prototype's members", () => {
  it("an app with fields called constructor and prototype publishes, lists its tool and fills its prompt", async () => {
    const { url } = await createPublishedApp(endpoint, llm, {
      draft: {
        instructions: "Build {{constructor}} from {{prototype}}; {{toString}}.",
        variables: [
          { key: "constructor", label: "Builder", type: "text", required: true },
          { key: "prototype", label: "Model", type: "json" },
        ],
      },
      settings: { parameterDescriptions: { constructor: "Who builds.", prototype: "What to copy." } },
    });
    const client = await connectClient(url);
    const { tools } = await client.listTools();
    expect(Object.keys(tools[0]!.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(["constructor", "prototype"]));
    const result = await client.callTool({ name: "weather_helper", arguments: { query: "go", constructor: "Ada", prototype: { wings: 2 } } });
    expect(result.isError).toBeFalsy();
    const system = llm.requests.at(-1)!.messages[0]!.content as string;
    expect(system).toBe('Build Ada from {\n  "wings": 2\n}; .');
    await client.close();
  });

  it("a required field called constructor that the caller leaves out is reported missing, not filled from Object", async () => {
    const { url } = await createPublishedApp(endpoint, llm, {
      draft: { variables: [{ key: "constructor", label: "Builder", type: "text", required: true }] },
      settings: { parameterDescriptions: { constructor: "Who builds." } },
    });
    const client = await connectClient(url);
    const result = await client.callTool({ name: "weather_helper", arguments: { query: "go" } });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain("Builder");
    expect(JSON.stringify(result.content)).not.toContain("native code");
    await client.close();
  });

  it("a field called __proto__ is refused when the draft is saved", async () => {
    const { user, workspace } = await createOwner("fields");
    const caller = callerAs(user.id, workspace.id);
    const app = await caller.apps.create({ type: "chat", name: "Proto" });
    const saving = caller.apps.updateDraft({ id: app.id, draft: { variables: [{ key: "__proto__", label: "Proto", type: "text" }] } as never });
    await expect(saving).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
