"use client";
// The procedures behind the cards an app's server page and the workspace server page share (access, keys,
// connected clients, call log): publishedServers.* with the app's id, or workspaceServer.* for the workspace server (appId null). The cards
// take the server and ask here, so neither page keeps a copy of them.
import { useTRPC, useTRPCClient } from "@/components/trpc/trpc-provider";
import type { AccessMode } from "./access-modes";

export type ServerRef = { appId: string | null };

export interface AccessChoice {
  mode: AccessMode;
  restricted?: boolean;
  people?: string[];
}

export type ApprovalPolicy = "deny" | "allow";

export interface CallFilters {
  method: string | null;
  outcome: "ok" | "error" | "cancelled" | "refused" | null;
  from: Date | null;
  callerUserId: string | null;
  oauthClientId: string | null;
  /** The workspace server's log only: the calls that ran this app. */
  appId?: string | null;
}

export function useServerApi({ appId }: ServerRef) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const app = appId === null ? null : { appId };
  // An app's log is that app's already: the app filter belongs to the workspace server's log.
  const appCalls = (app: { appId: string }, { appId: _, ...filters }: CallFilters) => ({ ...filters, ...app });
  return {
    /** The server's status query (get): what a change of access or keys makes stale. */
    statusKey: app ? trpc.publishedServers.get.queryKey(app) : trpc.workspaceServer.get.queryKey(),
    keysKey: app ? trpc.publishedServers.listKeys.queryKey(app) : trpc.workspaceServer.listKeys.queryKey(),
    listKeys: () => (app ? client.publishedServers.listKeys.query(app) : client.workspaceServer.listKeys.query()),
    createKey: (name: string) => (app ? client.publishedServers.createKey.mutate({ ...app, name }) : client.workspaceServer.createKey.mutate({ name })),
    revokeKey: (id: string) => (app ? client.publishedServers.revokeKey.mutate({ ...app, id }) : client.workspaceServer.revokeKey.mutate({ id })),
    setAccess: (choice: AccessChoice) => (app ? client.publishedServers.setAccess.mutate({ ...app, ...choice }) : client.workspaceServer.setAccess.mutate(choice)),
    setApprovalPolicy: (policy: ApprovalPolicy) =>
      app ? client.publishedServers.setApprovalPolicy.mutate({ ...app, policy }) : client.workspaceServer.setApprovalPolicy.mutate({ policy }),
    callsKey: (filters: CallFilters) =>
      app ? trpc.publishedServers.listCalls.infiniteQueryKey(appCalls(app, filters)) : trpc.workspaceServer.listCalls.infiniteQueryKey(filters),
    listCalls: (filters: CallFilters, cursor: string | null) =>
      app ? client.publishedServers.listCalls.query({ ...appCalls(app, filters), cursor }) : client.workspaceServer.listCalls.query({ ...filters, cursor }),
    grantsKey: app ? trpc.publishedServers.listGrants.queryKey(app) : trpc.workspaceServer.listGrants.queryKey(),
    listGrants: () => (app ? client.publishedServers.listGrants.query(app) : client.workspaceServer.listGrants.query()),
    revokeGrant: (grantId: string) =>
      app ? client.publishedServers.revokeGrant.mutate({ ...app, grantId }) : client.workspaceServer.revokeGrant.mutate({ grantId }),
    callersKey: app ? trpc.publishedServers.listCallers.queryKey(app) : trpc.workspaceServer.listCallers.queryKey(),
    listCallers: () => (app ? client.publishedServers.listCallers.query(app) : client.workspaceServer.listCallers.query()),
  };
}
