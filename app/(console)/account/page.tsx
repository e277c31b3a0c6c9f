// Account: settings of the signed-in person (not of a workspace): their signed-in sessions and connected apps.
import { ConnectedAppsPanel } from "@/components/account/connected-apps-panel";
import { SessionsPanel } from "@/components/account/sessions-panel";
import { PageHeader } from "@/components/ui/page-header";

export default function AccountPage() {
  return (
    <>
      <PageHeader title="Account" description="Where you are signed in, and the apps you connected." />
      <div className="grid gap-6">
        <SessionsPanel />
        <ConnectedAppsPanel />
      </div>
    </>
  );
}
