import { accountRouter } from "./routers/account";
import { apiKeysRouter } from "./routers/api-keys";
import { appFilesRouter } from "./routers/app-files";
import { appTemplatesRouter } from "./routers/app-templates";
import { appsRouter } from "./routers/apps";
import { conversationsRouter } from "./routers/conversations";
import { invitesRouter } from "./routers/invites";
import { mcpServersRouter } from "./routers/mcp-servers";
import { membersRouter } from "./routers/members";
import { modelProvidersRouter } from "./routers/model-providers";
import { oauthClientsRouter } from "./routers/oauth-clients";
import { publishedServersRouter } from "./routers/published-servers";
import { workspaceServerRouter } from "./routers/workspace-server";
import { sessionsRouter } from "./routers/sessions";
import { workspacesRouter } from "./routers/workspaces";
import { workflowsRouter } from "./routers/workflows";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  workspaces: workspacesRouter,
  members: membersRouter,
  invites: invitesRouter,
  apiKeys: apiKeysRouter,
  apps: appsRouter,
  appTemplates: appTemplatesRouter,
  appFiles: appFilesRouter,
  conversations: conversationsRouter,
  workflows: workflowsRouter,
  mcpServers: mcpServersRouter,
  modelProviders: modelProvidersRouter,
  oauthClients: oauthClientsRouter,
  publishedServers: publishedServersRouter,
  workspaceServer: workspaceServerRouter,
  sessions: sessionsRouter,
  account: accountRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls without HTTP: server components and tests. */
export const createCaller = createCallerFactory(appRouter);
