// Account: settings of the signed-in person (not of a workspace): their signed-in sessions.
import { SessionsPanel } from "@/components/account/sessions-panel";
import { PageHeader } from "@/components/ui/page-header";

export default function AccountPage() {
  return (
    <>
      <PageHeader title="Account" description="Where you are signed in." />
      <SessionsPanel />
    </>
  );
}
