// Tools: MCP servers connected to the workspace.
import type { Metadata } from "next";
import { McpServersList } from "@/components/mcp-servers/mcp-servers-list";
import { ToolsNav } from "@/components/mcp-servers/tools-nav";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Tools · Switchyard" };

export default function ToolsPage() {
  return (
    <>
      <PageHeader title="Tools" description="Tool providers your agent apps can call." />
      <ToolsNav />
      <McpServersList />
    </>
  );
}
