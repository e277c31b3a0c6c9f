// A workspace's MCP server turned on and put in "Switchyard sign-in" mode, written as the console's access switch
// would (through changeEndpoint, so the endpoint sees it at its next request).
import { resourceUrl } from "@/server/authorization-server/resource";
import { updateWorkspaceServer } from "@/server/db/queries/workspace-servers";
import { changeEndpoint } from "@/server/mcp/server/endpoint-cache";
import { enableWorkspaceServer } from "@/server/mcp/server/workspace-server";

export async function signInWorkspaceServer(workspaceId: string, { signInRestricted = false }: { signInRestricted?: boolean } = {}) {
  const { url } = await enableWorkspaceServer(workspaceId);
  await setWorkspaceServerMode(workspaceId, "sign_in", { signInRestricted });
  const code = new URL(url).pathname.split("/")[3]!;
  return { url, code, resource: resourceUrl(code) };
}

export async function setWorkspaceServerMode(workspaceId: string, accessMode: "url" | "api_key" | "sign_in", { signInRestricted = false }: { signInRestricted?: boolean } = {}) {
  await changeEndpoint({ workspaceId, appId: null }, (db) => updateWorkspaceServer(db, { workspaceId, accessMode, signInRestricted }));
}
