// Client-side shapes of the mcpServers router, inferred so the UI follows the server.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["mcpServers"];

export type McpServerView = Outputs["list"][number];
export type McpToolView = McpServerView["tools"][number];
export type McpServerStatus = McpServerView["status"];
export type McpTransport = McpServerView["transport"];
export type McpAuthMode = McpServerView["authMode"];
export type McpCredentialScope = McpServerView["credentialScope"];
export type MyConnectionView = Outputs["myConnections"][number];
export type TestOutcomeView = Outputs["testConnection"];
export type ToolsPreviewView = Extract<Outputs["previewTools"], { status: "ok" }>;
export type CallToolView = Outputs["callTool"];

export const transportLabels: Record<McpTransport, string> = {
  auto: "Auto",
  streamable_http: "Streamable HTTP",
  sse: "HTTP+SSE (deprecated)",
};

/** The emoji offered for a server's icon. */
export const serverIconChoices = ["🔌", "🛠️", "🌤️", "🔎", "📚", "🗂️", "🧮", "📈", "💾", "🌐", "🧩", "🤖"];
