import { describe, expect, it } from "vitest";
import { createWatchdog } from "@/server/agent/run-limits";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("run watchdogs sharing one ticker", () => {
  it("a run that goes quiet is stopped while a busy one and a touched one keep going", async () => {
    const stalled: string[] = [];
    const watch = (name: string, busy: boolean) =>
      createWatchdog({ idleMs: 80, maxMs: 60_000, busy: () => busy, onStall: () => stalled.push(name) });
    const quiet = watch("quiet", false);
    const busy = watch("busy", true);
    const touched = watch("touched", false);
    for (let i = 0; i < 8; i += 1) {
      touched.touch();
      await sleep(25);
    }
    expect(stalled).toEqual(["quiet"]);
    for (const dog of [quiet, busy, touched]) dog.stop();
  });

  it("a run past its longest time is stopped even while busy, and a stopped watchdog never fires", async () => {
    const stalled: string[] = [];
    const long = createWatchdog({ idleMs: 60_000, maxMs: 50, busy: () => true, onStall: () => stalled.push("long") });
    const stopped = createWatchdog({ idleMs: 40, maxMs: 60_000, busy: () => false, onStall: () => stalled.push("stopped") });
    stopped.stop();
    // The shared tick comes every min(idleMs / 4, 1 s) of the runs still watched: here once a second, so the
    // deadline (50 ms) is seen at about 1 s, past expect.poll's default limit.
    await expect.poll(() => stalled, { interval: 20, timeout: 3_000 }).toEqual(["long"]);
    await sleep(100);
    expect(stalled).toEqual(["long"]);
    long.stop();
  });
});
