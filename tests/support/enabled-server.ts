// An owner's chat app, published, with its MCP server turned on: what the console's access and grants tests start from.
import { randomUUID } from "node:crypto";
import { callerAs, createOwner } from "./fixtures";

/** An owner's app, published, with its MCP server turned on. */
export async function serverOfNewOwner(label = "access") {
  const { user, workspace } = await createOwner(label);
  const owner = callerAs(user.id, workspace.id);
  const provider = await owner.modelProviders.create({ kind: "openai_compatible", name: "P", baseUrl: "http://127.0.0.1:9/v1" });
  const app = await owner.apps.create({ type: "chat", name: `Planner ${randomUUID().slice(0, 6)}` });
  await owner.apps.updateDraft({ id: app.id, draft: { model: { providerId: provider.id, model: "m" } } });
  await owner.apps.publish({ id: app.id });
  await owner.publishedServers.enable({ appId: app.id, toolName: "planner", toolDescription: "Plans." });
  return { user, workspace, owner, app };
}
