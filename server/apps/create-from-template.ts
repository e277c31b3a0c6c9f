// "Create from template": a new app with the template's prompt and form, the workspace's default model and, for a
// template that uses tools, the MCP server the person picked (all of its tools, following its list as it changes).
import "server-only";
import { getDb } from "@/server/db";
import { getMcpServer } from "@/server/db/queries/mcp-servers";
import { AppError } from "@/server/errors";
import { appTemplates } from "./app-templates";
import { createApp } from "./apps";

export async function createFromTemplate({
  workspaceId,
  templateId,
  serverId,
  createdBy,
}: {
  workspaceId: string;
  templateId: string;
  serverId: string | null;
  createdBy: string | null;
}) {
  const template = appTemplates.find((t) => t.id === templateId);
  if (!template) throw new AppError("not_found:app_template", "This template does not exist. Pick one from the list.");
  const db = await getDb();
  if (serverId && (!template.server || !(await getMcpServer(db, { workspaceId, id: serverId })))) {
    throw new AppError("bad_request:app_template", "This MCP server is not one of this workspace's. Pick another or skip it.");
  }
  const { type, name, icon, iconBackground, description } = template;
  return createApp({
    workspaceId,
    type,
    name,
    icon,
    iconBackground,
    description,
    createdBy,
    config: { ...template.config, tools: serverId ? [{ serverId, mode: "all", tools: [] }] : [] },
  });
}
