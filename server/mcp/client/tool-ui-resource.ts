// The MCP App of a tool, if it has one: the MCP Apps extension (io.modelcontextprotocol/ui, SEP-1865) names it in
// the tool's `_meta.ui.resourceUri`; servers written before that key used the flat `_meta["ui/resourceUri"]`.
// Only `ui://` URIs count: the host reads them with resources/read and shows them sandboxed, nothing else.
export function toolUiResourceUri(tool: { _meta?: Record<string, unknown> }): string | undefined {
  const meta = tool._meta;
  if (!meta) return undefined;
  const ui = meta.ui as { resourceUri?: unknown } | undefined;
  const uri = typeof ui === "object" && ui !== null ? ui.resourceUri : meta["ui/resourceUri"];
  return typeof uri === "string" && uri.startsWith("ui://") && uri.length <= 2048 ? uri : undefined;
}
