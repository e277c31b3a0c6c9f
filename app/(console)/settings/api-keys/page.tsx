// Settings -> API keys: create (shown once) and revoke workspace keys.
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";

export default function ApiKeysSettingsPage() {
  return <ApiKeysPanel />;
}
