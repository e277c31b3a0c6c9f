// The console API as a browser or script reaches it: the real tRPC client (batching link, the console's transformer)
// over the real route handler, with a workspace API key. createCaller skips serialization, so what a stored value
// does to an answer on the wire only shows here.
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { GET, POST } from "@/app/api/trpc/[trpc]/route";
import type { AppRouter } from "@/server/api/root";
import { maxBatchSize } from "@/shared/batch-size";
import { wireTransformer } from "@/shared/wire-transformer";
import { callerAs } from "./fixtures";

export function routeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  return request.method === "GET" ? GET(request) : POST(request);
}

export function consoleOverHttp(apiKey: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: "http://localhost/api/trpc",
        transformer: wireTransformer,
        maxItems: maxBatchSize,
        headers: { authorization: `Bearer ${apiKey}` },
        fetch: routeFetch,
      }),
    ],
  });
}

/** An owner API key for the workspace of `userId`. */
export async function ownerKey(userId: string, workspaceId: string) {
  const { key } = await callerAs(userId, workspaceId).apiKeys.create({ name: "console-http", role: "owner" });
  return key;
}

/**
 * Every read of one app the console makes (its editor, Logs and MCP Server tab), over HTTP; rejects with the first
 * failure. What a hostile request left behind must never make one of these fail.
 */
export async function readEverythingOfApp(client: ReturnType<typeof consoleOverHttp>, appId: string) {
  const [app, apps, conversations, server, calls, keys] = await Promise.all([
    client.apps.get.query({ id: appId }),
    client.apps.list.query(),
    client.conversations.list.query({ appId, limit: 100 }),
    client.publishedServers.get.query({ appId }),
    client.publishedServers.listCalls.query({ appId, limit: 100 }),
    client.publishedServers.listKeys.query({ appId }),
  ]);
  // The newest ten, one batch: a fuzz run leaves thousands, and each read counts against the key's limit.
  const opened = await Promise.all(conversations.items.slice(0, 10).map((c: { id: string }) => client.conversations.get.query({ appId, id: c.id })));
  return { app, apps, conversations, opened, server, calls, keys };
}

/** Every read of the workspace server its page and call log make, over HTTP, with and without the app filter. */
export async function readEverythingOfWorkspaceServer(client: ReturnType<typeof consoleOverHttp>, appId: string) {
  const [server, calls, appCalls, callers, keys] = await Promise.all([
    client.workspaceServer.get.query(),
    client.workspaceServer.listCalls.query({ limit: 100 }),
    client.workspaceServer.listCalls.query({ appId, limit: 100 }),
    client.workspaceServer.listCallers.query(),
    client.workspaceServer.listKeys.query(),
  ]);
  return { server, calls, appCalls, callers, keys };
}
