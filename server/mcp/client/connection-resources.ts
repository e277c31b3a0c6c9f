// resources/list, resources/read and prompts/list on a connected SDK v2 client, in the shape `Connection` promises,
// each under the server's SSE read timeout (stream-watch.ts). Lists follow nextCursor, but only so far: a server
// that keeps answering with cursors must not hang the console.
import "server-only";
import type { Client } from "@modelcontextprotocol/client";
import type { Connection, PromptInfo, ResourceInfo } from "./connection";
import type { StreamWatch } from "./stream-watch";

const maxPages = 10;
const either = (signal: AbortSignal | undefined, stalled: AbortSignal) => (signal ? AbortSignal.any([signal, stalled]) : stalled);

async function allPages<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const result = await page(cursor);
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export function connectionResources(client: Client, watch: StreamWatch): Pick<Connection, "listResources" | "readResource" | "listPrompts"> {
  return {
    listResources: ({ signal }) =>
      allPages(async (cursor) => {
        const result = await watch.watch((stalled) => client.listResources(cursor ? { cursor } : undefined, { signal: either(signal, stalled) }));
        const items = result.resources.map((r): ResourceInfo => ({ uri: r.uri, name: r.name, title: r.title, description: r.description, mimeType: r.mimeType, size: r.size }));
        return { items, nextCursor: result.nextCursor };
      }),
    async readResource(uri, { signal }) {
      const result = await watch.watch((stalled) => client.readResource({ uri }, { signal: either(signal, stalled) }));
      return result.contents.map((c) =>
        "text" in c && typeof c.text === "string"
          ? { uri: c.uri, mimeType: c.mimeType, text: c.text, _meta: c._meta }
          : { uri: c.uri, mimeType: c.mimeType, blobBytes: Math.floor((("blob" in c && typeof c.blob === "string" ? c.blob.length : 0) * 3) / 4) },
      );
    },
    listPrompts: ({ signal }) =>
      allPages(async (cursor) => {
        const result = await watch.watch((stalled) => client.listPrompts(cursor ? { cursor } : undefined, { signal: either(signal, stalled) }));
        const items = result.prompts.map(
          (p): PromptInfo => ({
            name: p.name,
            title: p.title,
            description: p.description,
            arguments: (p.arguments ?? []).map((a) => ({ name: a.name, description: a.description, required: a.required === true })),
          }),
        );
        return { items, nextCursor: result.nextCursor };
      }),
  };
}
