// Switching a published server's access mode as the console's setting does: one write wrapped in changeEndpoint,
// so every instance sees it at its next request (tests of the endpoint need it without the console's procedure).
import { and, eq } from "drizzle-orm";
import { publishedServerPeople, publishedServers } from "@/server/db/schema";
import { changeEndpoint } from "@/server/mcp/server/endpoint-cache";

export async function setAccessMode(
  { workspaceId, appId }: { workspaceId: string; appId: string },
  mode: "url" | "api_key" | "sign_in",
  { restricted = false, people = [] }: { restricted?: boolean; people?: string[] } = {},
) {
  await changeEndpoint(appId, (db) =>
    db.transaction(async (tx) => {
      await tx
        .update(publishedServers)
        .set({ accessMode: mode, signInRestricted: restricted })
        .where(and(eq(publishedServers.workspaceId, workspaceId), eq(publishedServers.appId, appId)));
      await tx.delete(publishedServerPeople).where(eq(publishedServerPeople.appId, appId));
      if (people.length > 0) await tx.insert(publishedServerPeople).values(people.map((userId) => ({ appId, workspaceId, userId })));
    }),
  );
}
