// Settings -> OAuth clients: pre-registered clients of the workspace's sign-in MCP servers.
import { OauthClientsPanel } from "@/components/settings/oauth-clients-panel";

export default function OauthClientsSettingsPage() {
  return <OauthClientsPanel />;
}
