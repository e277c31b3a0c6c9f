import { describe, expect, it } from "vitest";
import { nodeStates, runEnded, type RunView } from "@/components/workflow-preview/types";

const run = (rows: { nodeId: string; status: string; itemIndex?: number | null }[]) =>
  ({ nodeRuns: rows.map((row) => ({ itemIndex: null, ...row })) }) as unknown as RunView;

describe("the node states the canvas lights up", () => {
  it("gives each node its run's status", () => {
    expect(nodeStates(run([{ nodeId: "start", status: "completed" }, { nodeId: "a", status: "running" }, { nodeId: "b", status: "skipped" }]))).toEqual({
      start: "completed",
      a: "running",
      b: "skipped",
    });
  });

  it("folds an Iteration body node's items: running over failed over completed", () => {
    const items = (...statuses: string[]) => run(statuses.map((status, i) => ({ nodeId: "say", status, itemIndex: i })));
    expect(nodeStates(items("completed", "running", "failed"))).toEqual({ say: "running" });
    expect(nodeStates(items("completed", "failed", "completed"))).toEqual({ say: "failed" });
    expect(nodeStates(items("completed", "completed"))).toEqual({ say: "completed" });
  });

  it("is empty before a run, and a run has ended only when completed, failed or stopped", () => {
    expect(nodeStates(undefined)).toEqual({});
    expect(["queued", "running", "completed", "failed", "stopped"].map(runEnded)).toEqual([false, false, true, true, true]);
  });
});
