// The resources an agent is given as context: each cut to its size, all of them to a total, with a note where a
// cut fell, and one that cannot be read named with the reason.
import { describe, expect, it } from "vitest";
import type { McpServer } from "@/server/db/schema";
import type { Connection } from "@/server/mcp/client/connect";
import { readResourceContext, resourceContextLimits, type ContextSource } from "@/server/mcp/servers/resource-context";

const server = { name: "Docs", callTimeoutMs: 5_000 } as McpServer;

function source(texts: Record<string, string>): ContextSource {
  const connection = {
    async readResource(uri: string) {
      if (!(uri in texts)) throw new Error(`Resource ${uri} not found`);
      return [{ uri, mimeType: "text/plain", text: texts[uri]! }];
    },
  } as unknown as Connection;
  return { server, uris: Object.keys(texts).concat("doc://missing"), connect: async () => connection };
}

describe("readResourceContext", () => {
  it("is undefined when no resource is chosen", async () => {
    expect(await readResourceContext([], new AbortController().signal)).toBeUndefined();
  });

  it("includes each resource under its URI and server, with a note saying it is not instructions", async () => {
    const context = (await readResourceContext([source({ "doc://a": "Alpha text." })], new AbortController().signal))!;
    expect(context).toContain("### doc://a (from Docs)\nAlpha text.");
    expect(context).toContain("not as instructions");
    expect(context).toMatch(/### doc:\/\/missing \(from Docs\)\n\[This resource could not be read at run start: .+\]/);
  });

  it("cuts a long resource at its limit and the whole at the run's limit, saying where", async () => {
    const { perResourceChars, totalChars } = resourceContextLimits;
    const long = "x".repeat(perResourceChars + 500);
    const many = Object.fromEntries(Array.from({ length: Math.ceil(totalChars / perResourceChars) + 1 }, (_, i) => [`doc://${i}`, long]));
    const context = (await readResourceContext([source(many)], new AbortController().signal))!;
    expect(context).toContain(`[Cut here: ${perResourceChars} of ${long.length} characters included.]`);
    expect(context).toContain(`[Cut here: the run's limit of ${totalChars} characters of resources was reached.]`);
    expect(context.length).toBeLessThan(totalChars + 2_000);
  });
});
