// App logs: conversations with their messages and tool steps, newest first.
import { AppLogs } from "@/components/app-logs/app-logs";
import { McpCallLogs } from "@/components/publishing/mcp-call-logs";

export default async function AppLogsPage({ params }: PageProps<"/apps/[id]/logs">) {
  const { id } = await params;
  return (
    <>
      <AppLogs appId={id} />
      <McpCallLogs server={{ appId: id }} />
    </>
  );
}
