// Settings -> MCP server: the workspace's one MCP server, its access, keys, apps as tools and instructions.
import { WorkspaceServerPage } from "@/components/workspace-server/workspace-server-page";

export default function McpServerSettingsPage() {
  return <WorkspaceServerPage />;
}
