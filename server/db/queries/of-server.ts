import { eq, isNull, type Column } from "drizzle-orm";

/**
 * Keys, chosen people and call-log rows belong to an app's server (their app_id) or, with app_id null, to the
 * workspace server: the condition for one server's rows, `appId` null meaning the workspace server.
 */
export function ofServer(appIdColumn: Column, appId: string | null) {
  return appId === null ? isNull(appIdColumn) : eq(appIdColumn, appId);
}
