// A cap on the procedures of one console API request. tRPC runs a batch's procedures side by side (GET
// /api/trpc/a,b,c?batch=1), so without it one request could start any number of slow, outbound-fetching calls.
import "server-only";
import { AppError } from "@/server/errors";
import { maxBatchSize } from "@/shared/batch-size";

/** How many procedures this request names: the comma-separated paths of a batch, else one. */
export function batchSize(req: Request): number {
  const url = new URL(req.url);
  if (url.searchParams.get("batch") !== "1") return 1;
  const path = url.pathname.replace(/^.*\/api\/trpc\/?/, "");
  return path.split(",").length;
}

/** A 400 naming the cap when the request holds more procedures than it allows (nothing has run yet); else null. */
export function refuseOversizedBatch(req: Request): Response | null {
  const size = batchSize(req);
  if (size <= maxBatchSize) return null;
  return new AppError(
    "bad_request:batch",
    `A request may hold at most ${maxBatchSize} procedures (this one holds ${size}); send the rest in further requests.`,
  ).toResponse();
}
