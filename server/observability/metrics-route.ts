// What /api/metrics answers: 404 while METRICS_TOKEN is unset (the route does not exist as far as anyone can tell),
// 401 without the right bearer token, else the Prometheus text format. Wrong tokens are limited per client address.
import "server-only";
import { env } from "@/server/env";
import { clientSubject } from "@/server/client-address/client-address";
import { hashToken, safeEqual } from "@/server/crypto/tokens";
import { getKv } from "@/server/kv";
import { rateLimit } from "@/server/kv/rate-limit";
import { getMetrics } from "./metrics";
import { refreshGauges } from "./refresh-gauges";

const failuresPerMinute = 20;
const noStore = { "cache-control": "no-store" };

function bearer(request: Request): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(request.headers.get("authorization") ?? "");
  return match ? match[1]! : null;
}

/** `configured` stands in for the environment in tests. */
export async function metricsResponse(request: Request, configured: { token: string | undefined } = { token: env.METRICS_TOKEN }): Promise<Response> {
  const { token } = configured;
  if (!token) return new Response("Not found.\n", { status: 404, headers: { ...noStore, "content-type": "text/plain; charset=utf-8" } });
  const given = bearer(request);
  // Hashes first, so the comparison takes the same time whatever the given token's length.
  if (!given || !safeEqual(hashToken(given), hashToken(token))) {
    const subject = clientSubject(request.headers);
    const limit = subject ? await rateLimit(getKv(), { bucket: "metrics_token", id: subject, limit: failuresPerMinute, windowSeconds: 60 }) : null;
    if (limit && !limit.ok) {
      return new Response(`Too many wrong tokens from this address: try again in ${limit.retryAfter} seconds.\n`, {
        status: 429,
        headers: { ...noStore, "content-type": "text/plain; charset=utf-8", "retry-after": String(limit.retryAfter) },
      });
    }
    return new Response("The metrics route needs the METRICS_TOKEN as a bearer token: Authorization: Bearer <token>.\n", {
      status: 401,
      headers: { ...noStore, "content-type": "text/plain; charset=utf-8", "www-authenticate": 'Bearer realm="metrics"' },
    });
  }
  const metrics = getMetrics();
  await refreshGauges(metrics);
  return new Response(await metrics.registry.metrics(), { status: 200, headers: { ...noStore, "content-type": metrics.registry.contentType } });
}
