// How the scale seed's workspace is found again by the benchmark and the plans script.
import type postgres from "postgres";

export const scaleWorkspaceName = "Scale seed (#28)";

export interface SeededWorkspace {
  workspaceId: string;
  /** Apps by share of traffic, busiest first: the first one has the published server. */
  appIds: string[];
}

export async function findScaleWorkspace(sql: postgres.Sql): Promise<SeededWorkspace> {
  const [ws] = await sql`select id from workspaces where name = ${scaleWorkspaceName}`;
  if (!ws) throw new Error("The scale database holds no seeded workspace: run `npm run seed:scale` first.");
  const apps = await sql`select id from apps where workspace_id = ${ws.id} order by name`;
  return { workspaceId: ws.id, appIds: apps.map((a) => a.id as string) };
}
