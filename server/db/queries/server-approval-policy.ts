import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { publishedServers, workspaceServers, type PublishedServer } from "@/server/db/schema";

// What a published server does with a tool that asks first when its caller cannot be asked: an app's server keeps
// it on its published_servers row, the workspace server (appId null) on workspace_servers. Changes go through
// changeEndpoint (server/mcp/server/endpoint-cache.ts), which the caller owns.

type ServerRef = { workspaceId: string; appId: string | null };

/** The policy written, or null when the server was never turned on (it has no row to hold it). */
export async function updateServerApprovalPolicy(
  db: Tx,
  { workspaceId, appId, approvalPolicy }: ServerRef & Pick<PublishedServer, "approvalPolicy">,
) {
  const set = { approvalPolicy, updatedAt: new Date() };
  const [row] =
    appId === null
      ? await db
          .update(workspaceServers)
          .set(set)
          .where(eq(workspaceServers.workspaceId, workspaceId))
          .returning({ approvalPolicy: workspaceServers.approvalPolicy })
      : await db
          .update(publishedServers)
          .set(set)
          .where(and(eq(publishedServers.workspaceId, workspaceId), eq(publishedServers.appId, appId)))
          .returning({ approvalPolicy: publishedServers.approvalPolicy });
  return row?.approvalPolicy ?? null;
}
