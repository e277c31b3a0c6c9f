// Tools: MCP servers connected to the workspace.
import type { Metadata } from "next";
import { Plug } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Tools · Switchyard" };

export default function ToolsPage() {
  return (
    <>
      <PageHeader title="Tools" description="MCP servers whose tools your agent apps can call." />
      <EmptyState
        icon={Plug}
        title="No MCP servers connected"
        description="Connect an MCP server over HTTP, with custom headers or OAuth, and give its tools to your agents."
      />
    </>
  );
}
