// An MCP App for Debug & Preview: the tool's `ui://` resource read from its server (resources/read through our
// client, SSRF guard and credentials included), kept briefly under a random token that the framed route serves.
import "server-only";
import { generateToken } from "@/server/crypto/tokens";
import type { McpServer } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { getKv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";
import { appCspSchema, declaredCsp, type AppCsp } from "./app-view-csp";
import { describeConnectionError } from "./describe-connection-error";
import { openServerConnection } from "./open-connection";

const viewTtlSeconds = 300;
export const maxAppHtmlChars = 2_000_000;
/** The extension's MIME type for an app's HTML (SEP-1865); plain text/html is accepted from older servers. */
const appMimeTypes = /^text\/html(;|$)/;

export async function openAppView(server: McpServer, uri: string): Promise<{ url: string }> {
  // Only a resource a listed tool names: the console must not become a reader of any URI on the server.
  if (!server.tools.some((t) => t.uiResourceUri === uri)) {
    throw new AppError("not_found:mcp_app", `No tool of "${server.name}" shows ${uri}. Press Update tools if the server changed.`);
  }
  let html: string | undefined;
  let csp: AppCsp = {};
  try {
    const connection = await openServerConnection(server, { signal: AbortSignal.timeout(server.callTimeoutMs) });
    try {
      const contents = await connection.readResource(uri, { signal: AbortSignal.timeout(server.callTimeoutMs) });
      const page = contents.find((c) => c.uri === uri && (!c.mimeType || appMimeTypes.test(c.mimeType)));
      html = page && "text" in page ? page.text : undefined;
      csp = declaredCsp(page?._meta);
    } finally {
      await connection.close().catch(() => {});
    }
  } catch (error) {
    throw new AppError("bad_request:mcp_app", describeConnectionError(error, server.name));
  }
  if (html === undefined) throw new AppError("bad_request:mcp_app", `"${server.name}" sent no HTML for ${uri}; the app cannot be shown.`);
  if (html.length > maxAppHtmlChars) throw new AppError("bad_request:mcp_app", `The app ${uri} is larger than 2 MB; it is not shown.`);
  const token = generateToken("av_");
  const view: AppView = { html, csp };
  await (await getKv()).set(kvKeys.appView(token), JSON.stringify(view), { ttlSeconds: viewTtlSeconds });
  return { url: `/mcp/app-view/${token}` };
}

export interface AppView {
  html: string;
  /** The origins its resource declared (`_meta.ui.csp`), already checked (app-view-csp.ts). */
  csp: AppCsp;
}

/** The app behind a token, or null once it expired. */
export async function readAppView(token: string): Promise<AppView | null> {
  if (!/^av_[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const stored = await (await getKv()).get(kvKeys.appView(token));
  if (stored === null) return null;
  const view = JSON.parse(stored) as AppView;
  return { html: view.html, csp: appCspSchema.parse(view.csp) };
}
