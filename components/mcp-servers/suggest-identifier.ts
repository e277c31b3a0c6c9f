/** The server identifier rule, mirrored from server/mcp/servers/mcp-server-input.ts for live hints. */
export const identifierPattern = /^[a-z0-9_-]{1,24}$/;

/** "GitHub Tools (prod)" -> "github_tools_prod": lowercase, [a-z0-9_-], at most 24 characters. */
export function suggestIdentifier(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "_")
    .replace(/^[_-]+/, "")
    .slice(0, 24)
    .replace(/[_-]+$/, "");
}
