// Prometheus metrics of this instance (server/observability/metrics.ts), for a scraper holding METRICS_TOKEN.
import { metricsResponse } from "@/server/observability/metrics-route";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return metricsResponse(request);
}
