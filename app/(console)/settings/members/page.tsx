// Settings -> Members: roles, removal and invite links.
import { InvitesPanel } from "@/components/settings/invites-panel";
import { MembersPanel } from "@/components/settings/members-panel";

export default function MembersSettingsPage() {
  return (
    <div className="grid gap-6">
      <MembersPanel />
      <InvitesPanel />
    </div>
  );
}
