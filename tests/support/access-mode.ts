// Choosing a published server's access mode as the console's Access card does (setServerAccess: one transaction
// wrapped in changeEndpoint, so every instance sees it at its next request).
import { setServerAccess } from "@/server/mcp/server/server-access";

export async function setAccessMode(
  ref: { workspaceId: string; appId: string },
  mode: "url" | "api_key" | "sign_in",
  { restricted = false, people = [] }: { restricted?: boolean; people?: string[] } = {},
) {
  await setServerAccess(ref, mode === "sign_in" ? { mode, restricted, people } : { mode });
}
