// Settings -> MCP server -> Call log: every request the workspace MCP server received, filterable by app.
import { WorkspaceServerLogs } from "@/components/workspace-server/workspace-server-logs";

export default function McpServerLogsPage() {
  return <WorkspaceServerLogs />;
}
