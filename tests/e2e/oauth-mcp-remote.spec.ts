// mcp-remote 0.15.1 in front of a server in "Switchyard sign-in" mode: it discovers, registers itself (DCR) and
// prints the authorization URL; the person approves in the browser; mcp-remote's own loopback callback takes the
// code, and a stdio client (the SDK's StdioClientTransport, as a desktop host) lists and calls the tool through it.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { expect, test } from "@playwright/test";
import { startMcpRemote } from "../support/mcp-remote-proxy";
import { approveInBrowser, authorizationResponse } from "../support/oauth-browser";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { callForecast, signInServer, toolName } from "./sign-in-server";

let llm: ScriptedLlm;
test.beforeAll(async () => {
  llm = await startScriptedLlm({ fallback: { text: "Rain in Bergen." }, keepRequests: false });
});
test.afterAll(() => llm.close());

test("through mcp-remote, after the person allows it in the browser, a stdio host lists and calls the tool", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const { url } = await signInServer(page, llm);
  const proxy = await startMcpRemote(url);
  const client = new Client({ name: "desktop-host", version: "1.0.0" });
  try {
    // connect() waits while mcp-remote waits for its callback.
    const connected = client.connect(proxy.transport);
    const authorizationUrl = await proxy.authorizationUrl();
    expect(authorizationUrl.origin).toBe(baseURL);
    expect(authorizationUrl.searchParams.get("resource")).toBe(url);
    const callback = await approveInBrowser(page, authorizationUrl, { redirectUri: proxy.redirectUri });
    expect(authorizationResponse(callback).iss).toBe(baseURL);
    await connected;

    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual([toolName]);
    expect((await callForecast(client)).answer).toBe("Rain in Bergen.");
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- mcp-remote stderr ---\n${proxy.stderr()}`);
  } finally {
    await client.close().catch(() => {});
    await proxy.cleanUp();
  }
});
