// How far V8 lets the heap grow between full collections. From a heap limit of 2 GB up (Node's default on any
// machine with 8 GB or more), V8 may let the old generation reach four times what is live before it collects;
// under 2 GB, at most twice. A server with a small live set then sits on hundreds of MB of garbage, so on such
// limits the factor is held at 2 (figures: docs/performance.md, item 11). Smaller limits, such as the one Node
// derives from a container's memory limit, keep V8's own choice.
import "server-only";
import v8 from "node:v8";

const largeHeapBytes = 2 * 1024 ** 3;

export function capHeapGrowth(
  heapSizeLimit = v8.getHeapStatistics().heap_size_limit,
  setFlags: (flags: string) => void = v8.setFlagsFromString,
): boolean {
  if (heapSizeLimit < largeHeapBytes) return false;
  // Read by V8 at every full collection, so setting it once the process runs takes effect from the next one.
  setFlags("--heap-growing-percent=100");
  return true;
}
