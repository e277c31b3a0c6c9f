import { eq } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { workspaces } from "@/server/db/schema";

export async function updateWorkspaceDefaultModelForTest(db: Tx, workspaceId: string, providerId: string, model: string) {
  await db.update(workspaces).set({ defaultModelProviderId: providerId, defaultModel: model }).where(eq(workspaces.id, workspaceId));
}
