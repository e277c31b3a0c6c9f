// Settings: workspace, members and invites, API keys, model providers, OAuth clients, the workspace MCP server.
import type { ReactNode } from "react";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PageHeader title="Settings" description="Your workspace, its members, API keys, model providers, OAuth clients and MCP server." />
      <SettingsNav />
      {children}
    </>
  );
}
