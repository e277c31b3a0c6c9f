// "Test connection" against a URL that is a web site, not an MCP server: a real server on 127.0.0.1 that redirects
// the MCP path to a sign-in page. The step says where the redirect led and what to do, whichever transport is chosen.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createOwner } from "../support/fixtures";

let site: Server;
let origin: string;

beforeAll(async () => {
  site = createServer((req, res) => {
    if (req.url?.startsWith("/mcp")) {
      res.writeHead(302, { location: "/login?next=%2Fmcp" });
      return void res.end();
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>Sign in</title><form>Sign in</form>");
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

async function owner() {
  const { user, workspace } = await createOwner("web-page");
  return callerAs(user.id, workspace.id);
}

describe("testing a connection to a web page", () => {
  it.each(["auto", "streamable_http", "sse"] as const)("a URL that redirects to a sign-in page says where it led (%s)", async (transport) => {
    const outcome = await (await owner()).mcpServers.testConnection({ connection: { url: `${origin}/mcp`, transport }, name: "Site" });
    expect(outcome.ok).toBe(false);
    const failed = outcome.steps.find((s) => !s.ok);
    expect(failed).toMatchObject({
      step: "initialize",
      detail: `The URL redirected to ${new URL(origin).host}/login, which answered with a web page, not an MCP server. Use the MCP endpoint's URL.`,
    });
    expect(JSON.stringify(outcome)).not.toContain("-1");
  });

  it("a URL that is itself a web page says so, without speaking of a redirect", async () => {
    const outcome = await (await owner()).mcpServers.testConnection({ connection: { url: `${origin}/home` }, name: "Site" });
    expect(outcome.steps.find((s) => !s.ok)?.detail).toBe(`${new URL(origin).host}/home answered with a web page, not an MCP server. Use the MCP endpoint's URL.`);
  });
});
