import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type WorkspaceServerStatus = inferRouterOutputs<AppRouter>["workspaceServer"]["get"];
export type WorkspaceServerApp = WorkspaceServerStatus["apps"][number];
