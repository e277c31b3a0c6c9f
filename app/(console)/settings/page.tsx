// Settings -> General: the workspace's name and how long its call logs and conversations are kept.
import { RetentionSettings } from "@/components/settings/retention-settings";
import { WorkspaceSettings } from "@/components/settings/workspace-settings";

export default function GeneralSettingsPage() {
  return (
    <div className="grid gap-6">
      <WorkspaceSettings />
      <RetentionSettings />
    </div>
  );
}
