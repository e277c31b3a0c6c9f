// Schedules the retention run: once across instances every half hour (a repeating job on the shared queue). A run
// that finds nothing old costs one indexed query per workspace with a retention period.
import "server-only";
import { getJobQueue } from "@/server/jobs";
import { removeOldRecords } from "./remove-old-records";

export const retentionQueue = "retention";
export const retentionEveryMinutes = 30;

export async function startRetentionJob() {
  await getJobQueue().repeat(retentionQueue, retentionEveryMinutes, async ({ signal }) => {
    const removed = await removeOldRecords({ signal });
    if (removed.callLogs > 0 || removed.conversations > 0 || removed.stopped) {
      const end = removed.stopped ? "; stopped early, the next run goes on" : "";
      console.info(`[retention] removed ${removed.callLogs} call-log rows and ${removed.conversations} conversations${end}`);
    }
  });
}
