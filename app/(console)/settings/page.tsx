// Settings -> General: the workspace's name.
import { WorkspaceSettings } from "@/components/settings/workspace-settings";

export default function GeneralSettingsPage() {
  return <WorkspaceSettings />;
}
