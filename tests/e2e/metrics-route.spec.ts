// The metrics route in the built app: without METRICS_TOKEN (the e2e server sets none) it does not exist, and it
// carries the headers every /api route has. Its 401/200 answers are covered in tests/integration/observability.test.ts.
import { expect, test } from "@playwright/test";

test("GET /api/metrics answers 404 with the API's CSP while METRICS_TOKEN is unset", async ({ request }) => {
  const response = await request.get("/api/metrics", { headers: { authorization: "Bearer some-token-0123456789" } });
  expect(response.status()).toBe(404);
  expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(await response.text()).not.toContain("switchyard_");
});
