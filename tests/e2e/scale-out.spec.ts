// Two `next start` instances sharing PostgreSQL and Redis, as behind a load balancer (the e2e server starts the
// second one on the next port when both are configured): Disable on one is refused on the other at the very next
// request, and MCP load spread across both has zero errors.
import { expect, test } from "@playwright/test";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { PublishPage } from "./pages/publish-page";
import { api, chatApp, connect, onSecondInstance, ping, scaledOut } from "./published-app";

let llm: ScriptedLlm;
test.beforeAll(async () => {
  llm = await startScriptedLlm({ fallback: { text: "Fine weather." }, keepRequests: false });
});
test.afterAll(() => llm.close());

if (scaledOut) {
  test("a server disabled on one instance is refused on the other at the next request; load on both has no errors", async ({ page }) => {
    const app = await chatApp(page, llm, "Forecaster");
    await api(page, "apps.publish", { id: app.id });
    const publish = new PublishPage(page);
    await publish.open(app.id);
    await publish.turnOn({ description: "Forecasts.", parameters: { "City (city)": "The city." } });
    const first = await publish.url();
    const second = onSecondInstance(first);

    // Load spread over both instances: 20 clients, each alternating, listing and calling.
    const clients = await Promise.all(Array.from({ length: 20 }, (_, i) => connect(i % 2 ? second : first)));
    const outcomes = await Promise.allSettled(
      clients.flatMap((client) => [
        client.listTools(),
        client.callTool({ name: "forecaster", arguments: { query: "Weather?", city: "Oslo" } }).then((r) => {
          if (r.isError) throw new Error(JSON.stringify(r.content));
        }),
        client.listTools(),
      ]),
    );
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);

    // Disable through the first instance's console; the second refuses at once (no cache between them).
    await api(page, "publishedServers.disable", { appId: app.id });
    const refused = await (await ping(second)).json();
    expect(refused.error.message).toMatch(/not active/i);
    await expect(clients[1].listTools()).rejects.toThrow(/not active/i);
    await Promise.all(clients.map((c) => c.close()));
  });
}
