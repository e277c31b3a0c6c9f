// Which tools have an MCP App: only a `ui://` URI in the extension's key (or the older flat key) counts.
import { describe, expect, it } from "vitest";
import { toolUiResourceUri } from "@/server/mcp/client/tool-ui-resource";

describe("toolUiResourceUri", () => {
  it("reads the nested key, and the older flat key", () => {
    expect(toolUiResourceUri({ _meta: { ui: { resourceUri: "ui://a/card.html" } } })).toBe("ui://a/card.html");
    expect(toolUiResourceUri({ _meta: { "ui/resourceUri": "ui://a/old.html" } })).toBe("ui://a/old.html");
  });

  it("ignores a tool without one, and any URI that is not ui://", () => {
    expect(toolUiResourceUri({})).toBeUndefined();
    expect(toolUiResourceUri({ _meta: { ui: { resourceUri: "https://evil.example/app.html" } } })).toBeUndefined();
    expect(toolUiResourceUri({ _meta: { ui: { resourceUri: 42 } } })).toBeUndefined();
    expect(toolUiResourceUri({ _meta: { ui: null } })).toBeUndefined();
    expect(toolUiResourceUri({ _meta: { ui: { resourceUri: `ui://${"a".repeat(3000)}` } } })).toBeUndefined();
  });
});
