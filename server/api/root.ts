import { apiKeysRouter } from "./routers/api-keys";
import { appsRouter } from "./routers/apps";
import { invitesRouter } from "./routers/invites";
import { membersRouter } from "./routers/members";
import { workspacesRouter } from "./routers/workspaces";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  workspaces: workspacesRouter,
  members: membersRouter,
  invites: invitesRouter,
  apiKeys: apiKeysRouter,
  apps: appsRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls without HTTP: server components and tests. */
export const createCaller = createCallerFactory(appRouter);
