import { describe, expect, it } from "vitest";
import { clientInstructions, isPublicHttps } from "@/components/publishing/client-instructions";

const url = "https://switchyard.example.com/mcp/server/abc/mcp";
const byId = (list: ReturnType<typeof clientInstructions>) => Object.fromEntries(list.map((c) => [c.id, c]));

describe("connect instructions per client", () => {
  it("Claude and ChatGPT take the URL and work with anyone-with-the-URL and sign-in, never with an API key", () => {
    for (const mode of ["url", "sign_in"] as const) {
      const c = byId(clientInstructions(url, "trip_planner", mode));
      expect(c.claude!.config).toBe(url);
      expect(c.claude!.access.works).toBe(true);
      expect(c.chatgpt!.access.works).toBe(true);
    }
    const keyed = byId(clientInstructions(url, "trip_planner", "api_key"));
    expect(keyed.claude!.access).toMatchObject({ works: false, note: expect.stringContaining("cannot send a pasted API key") });
    expect(keyed.chatgpt!.access.works).toBe(false);
    expect(byId(clientInstructions(url, "t", "sign_in")).chatgpt!.steps.join(" ")).toContain("choose OAuth");
  });

  it("a localhost or plain-http server is not reachable from Claude's or ChatGPT's cloud, and says so", () => {
    const c = byId(clientInstructions("http://localhost:3000/mcp/server/abc/mcp", "t", "url"));
    expect(c.claude!.access).toMatchObject({ works: false, note: expect.stringContaining("localhost:3000") });
    expect(c.chatgpt!.access.works).toBe(false);
    expect(c.cursor!.access.works).toBe(true);
    for (const address of ["http://example.com/x", "https://127.0.0.1/x", "https://10.1.2.3/x", "https://[::1]/x", "https://box.local/x", "https://172.20.0.1/x"]) {
      expect(isPublicHttps(address), address).toBe(false);
    }
    expect(isPublicHttps(url)).toBe(true);
  });

  it("Claude Code, Cursor, VS Code and mcp-remote carry the Authorization header only in API-key mode", () => {
    const keyed = byId(clientInstructions(url, "trip_planner", "api_key", "sym_secret"));
    expect(keyed["claude-code"]!.config).toBe(`claude mcp add --transport http trip_planner ${url} --header "Authorization: Bearer sym_secret"`);
    expect(JSON.parse(keyed.cursor!.config)).toEqual({ mcpServers: { trip_planner: { url, headers: { Authorization: "Bearer sym_secret" } } } });
    expect(JSON.parse(keyed.vscode!.config)).toEqual({ servers: { trip_planner: { type: "http", url, headers: { Authorization: "Bearer sym_secret" } } } });
    expect(JSON.parse(keyed["mcp-remote"]!.config).mcpServers.trip_planner.args).toEqual(["mcp-remote", url, "--header", "Authorization: Bearer sym_secret"]);
    expect(keyed["mcp-remote"]!.extra!.code).toBe(`npx mcp-remote ${url} --header "Authorization: Bearer sym_secret"`);

    const open = byId(clientInstructions(url, "trip_planner", "sign_in"));
    for (const id of ["claude-code", "cursor", "vscode", "mcp-remote"]) expect(open[id]!.config).not.toContain("Authorization");
    expect(open["claude-code"]!.config).toBe(`claude mcp add --transport http trip_planner ${url}`);
    expect(open["mcp-remote"]!.extra!.code).toBe(`npx mcp-remote ${url}`);
    expect(byId(clientInstructions(url, "t", "api_key")).cursor!.config).toContain("Bearer <your API key>");
  });

  it("the Cursor and VS Code install links carry the server's configuration as each client reads it", () => {
    const c = byId(clientInstructions(url, "trip planner", "api_key", "sym_k"));
    const cursor = new URL(c.cursor!.installLink!.href);
    expect(`${cursor.protocol}//${cursor.host}${cursor.pathname}`).toBe("cursor://anysphere.cursor-deeplink/mcp/install");
    expect(cursor.searchParams.get("name")).toBe("trip planner");
    expect(JSON.parse(Buffer.from(cursor.searchParams.get("config")!, "base64").toString("utf8"))).toEqual({ url, headers: { Authorization: "Bearer sym_k" } });

    const vscode = c.vscode!.installLink!.href;
    expect(vscode.startsWith("vscode:mcp/install?")).toBe(true);
    expect(JSON.parse(decodeURIComponent(vscode.slice("vscode:mcp/install?".length)))).toEqual({ name: "trip planner", type: "http", url, headers: { Authorization: "Bearer sym_k" } });
  });
});
