// How a connection to an external MCP server is named to people (Test connection trace, server detail): the
// protocol version found and what it means for the connection. Shared by the server and the console.
export type ConnectionKindName = "modern" | "session" | "stateless" | "sse";

export function connectionLabel(kind: ConnectionKindName, protocolVersion: string | null | undefined): string {
  const version = protocolVersion ? `${protocolVersion} ` : "";
  switch (kind) {
    case "modern":
      return `${protocolVersion ?? "2026-07-28"} (stateless)`;
    case "session":
      return `${version}Streamable HTTP, session`;
    case "stateless":
      return `${version}Streamable HTTP, no session`;
    case "sse":
      // HTTP+SSE is deprecated in MCP 2026-07-28; servers still on it should move to Streamable HTTP.
      return `${version}HTTP+SSE (deprecated)`;
  }
}
