// Traces from a real `next start`: with OTEL_EXPORTER_OTLP_ENDPOINT pointing at an OTLP/HTTP receiver started here,
// a console API request (tRPC with an API key) and a route handler arrive as Next.js's own server spans, under the
// configured service name; the integration tests cover runs and published calls on the same provider.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { startOtlpReceiver, type OtlpReceiver } from "../support/otlp-receiver";
import { ownInstances, type OwnInstances } from "./own-instances";

const port = Number(process.env.E2E_PORT ?? 3210) + 20;
const base = `http://127.0.0.1:${port}`;
const serviceName = `switchyard-e2e-${randomBytes(4).toString("hex")}`;
let receiver: OtlpReceiver;
let instances: OwnInstances;

test.beforeAll(async () => {
  receiver = await startOtlpReceiver();
  instances = await ownInstances("tracing", { APP_URL: base, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_SERVICE_NAME: serviceName });
  await instances.start(port);
});
test.afterAll(async () => {
  await instances?.close();
  await receiver?.close();
});

test("console requests reach the collector as Next.js server spans under the configured service name", async () => {
  test.setTimeout(90_000);
  instances.admin("user:create", "--email", "tracing@example.com", "--password", "correct horse battery", "--workspace", "Tracing");
  const { key } = instances.admin("apikey:create", "--email", "tracing@example.com", "--workspace", "Tracing", "--role", "owner");
  const response = await fetch(`${base}/api/trpc/apps.list`, { headers: { authorization: `Bearer ${key}` } });
  expect(response.status).toBe(200);
  expect((await fetch(`${base}/api/health`)).status).toBe(200);

  // The batch processor sends within a few seconds; Next names a request's root span after its method and route.
  const mine = () => receiver.spans.filter((span) => span.service === serviceName);
  await expect.poll(() => mine().map((span) => span.name), { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/^GET \/api\/trpc/)]));
  await expect.poll(() => mine().map((span) => span.name), { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/^GET \/api\/health/)]));
  const trpc = mine().find((span) => /^GET \/api\/trpc/.test(span.name))!;
  // A server span (kind 2) with Next's own attributes, and the work under it in the same trace.
  expect(trpc.kind).toBe(2);
  expect(trpc.attributes["next.span_type"]).toBeDefined();
  expect(mine().filter((span) => span.traceId === trpc.traceId).length).toBeGreaterThan(1);
  expect(receiver.requests.every((r) => r.path === "/v1/traces")).toBe(true);
});
