// MCP Apps in Debug & Preview (issue #27): a tool's `ui://` resource is remembered with the tool list, a run's
// result carries it, and the console gets the HTML read through our MCP client at a URL that serves it sandboxed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as appViewRoute } from "@/app/mcp/app-view/[token]/route";
import { openAppTools } from "@/server/mcp/servers/open-app-tools";
import { callerAs, createOwner } from "../support/fixtures";
import { forecastAppHtml, forecastAppUri, forecastText } from "../support/mcp-app-tools";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";

let mcp: TestMcpServer;
beforeAll(async () => {
  mcp = await startTestMcpServer({ mcpApp: true });
});
afterAll(async () => mcp?.close());

async function serverWithApp() {
  const { user, workspace } = await createOwner();
  const caller = callerAs(user.id, workspace.id);
  const server = await caller.mcpServers.create({ name: "Weather", identifier: "weather", url: mcp.url });
  const preview = await caller.mcpServers.previewTools({ id: server.id });
  if (preview.status !== "ok") throw new Error(preview.message);
  await caller.mcpServers.applyTools({ id: server.id, token: preview.token });
  return { caller, workspace, server };
}

const viewRequest = (url: string) => {
  const token = url.split("/").at(-1)!;
  return appViewRoute(new Request(`http://localhost${url}`), { params: Promise.resolve({ token }) } as never);
};

describe("MCP Apps", () => {
  it("our client tells servers it shows MCP Apps (the extension, with the app MIME type)", async () => {
    const before = mcp.clientCapabilities.length;
    await serverWithApp();
    const declared = mcp.clientCapabilities.slice(before);
    expect(declared.length).toBeGreaterThan(0);
    for (const capabilities of declared) {
      expect(capabilities).toMatchObject({ extensions: { "io.modelcontextprotocol/ui": { mimeTypes: ["text/html;profile=mcp-app"] } } });
    }
  });

  it("a tool's ui:// resource is kept with the tool list, and only for the tool that names one", async () => {
    const { caller, server } = await serverWithApp();
    const { tools } = await caller.mcpServers.get({ id: server.id });
    expect(tools.find((t) => t.name === "forecast")?.uiResourceUri).toBe(forecastAppUri);
    expect(tools.find((t) => t.name === "echo")?.uiResourceUri).toBeUndefined();
  });

  it("a run's result of that tool points to the app, and the model-facing content is unchanged", async () => {
    const { workspace, server } = await serverWithApp();
    const controller = new AbortController();
    const open = await openAppTools({ workspaceId: workspace.id, bindings: [{ serverId: server.id, mode: "all", tools: [] }], signal: controller.signal, userId: null });
    try {
      const forecast = open.tools.find((t) => t.sourceName === "forecast")!;
      const result = await forecast.execute({}, { signal: controller.signal });
      expect(result.app).toEqual({ serverId: server.id, resourceUri: forecastAppUri });
      expect(result.content).toEqual([{ type: "text", text: forecastText }]);
      const echo = await open.tools.find((t) => t.sourceName === "echo")!.execute({ text: "hi" }, { signal: controller.signal });
      expect(echo.app).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  it("the app's HTML is read from the server and served under a token with a sandboxing CSP", async () => {
    const { caller, server } = await serverWithApp();
    const { url } = await caller.mcpServers.openApp({ id: server.id, uri: forecastAppUri });
    expect(url).toMatch(/^\/mcp\/app-view\/av_[A-Za-z0-9_-]+$/);
    const response = await viewRequest(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("sandbox allow-scripts");
    expect(csp).not.toContain("allow-same-origin");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    // Only the declared origins that are origins: nothing the server wrote can add a directive or a keyword.
    expect(csp).toContain("connect-src https://api.weather.example;");
    expect(csp).toContain("script-src 'unsafe-inline' https://*.cdn.example;");
    expect(csp).toContain("img-src data: https://*.cdn.example;");
    for (const dropped of ["evil", "unsafe-eval", "plain.example", " *"]) expect(csp).not.toContain(dropped);
    expect(csp.split(";").filter((d) => d.trim().startsWith("script-src"))).toHaveLength(1);
    expect(await response.text()).toBe(forecastAppHtml);
  });

  it("a URI no tool of the server names is not read", async () => {
    const { caller, server } = await serverWithApp();
    await expect(caller.mcpServers.openApp({ id: server.id, uri: "ui://forecast/other.html" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("another workspace cannot open this server's app", async () => {
    const { server } = await serverWithApp();
    const other = await createOwner();
    await expect(callerAs(other.user.id, other.workspace.id).mcpServers.openApp({ id: server.id, uri: forecastAppUri })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an unknown or malformed token is a 404 that still carries the sandboxing CSP", async () => {
    const hostile = ["av_" + "A".repeat(101), "av_%00%0d%0aSet-Cookie:x=1", "AV_" + "a".repeat(30), "av_../../x", "%F0%9F%98%80", "av_" + "é".repeat(30), ""];
    for (const url of ["/mcp/app-view/av_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/mcp/app-view/..%2F..%2Fetc", "/mcp/app-view/x", ...hostile.map((t) => `/mcp/app-view/${t}`)]) {
      const response = await viewRequest(url);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-security-policy")).toContain("sandbox allow-scripts");
    }
  });
});
