// notifications/tools/list_changed for the workspace server, whose tools change when its owner switches an app or
// publishes one. The endpoint is stateless: there is no GET stream to push on, so the only place a 2025 client can
// hear it is the SSE stream of one of its own requests (a tools/call that asked for progress, or a batch). Each
// client's last listed tool set is remembered in the KV store by its scope (its session, or its key, agent and
// address); a call answered over SSE after the set changed carries the notification before its result, once. A
// 2026-07-28 client has no such stream: the short cache hint on tools/list (modern-server.ts) stands in for it.
import "server-only";
import { createHash } from "node:crypto";
import { kvKeys } from "@/server/kv/keys";
import type { ServerContext } from "./tool-call";

const rememberSeconds = 24 * 3600;

/** Changes whenever a tool is added, removed, renamed or redefined. */
export function toolsRevision(ctx: Pick<ServerContext, "tools">): string {
  const hash = createHash("sha256");
  for (const { tool } of ctx.tools) hash.update(JSON.stringify(tool)).update("\n");
  return hash.digest("base64url").slice(0, 22);
}

type Ctx = Pick<ServerContext, "tools" | "workspaceServer" | "serverKey" | "clientScope" | "kv">;

/** After tools/list: what this client now knows. A failed write only means a notification it may miss. */
export async function rememberListedTools(ctx: Ctx): Promise<void> {
  if (!ctx.workspaceServer) return;
  await ctx.kv.set(kvKeys.listedTools(ctx.serverKey, ctx.clientScope), toolsRevision(ctx), { ttlSeconds: rememberSeconds }).catch(() => {});
}

/** Whether the tools changed since this client last listed them (never true for a client that never listed). */
export async function toolsChangedSinceListed(ctx: Ctx): Promise<boolean> {
  if (!ctx.workspaceServer) return false;
  const seen = await ctx.kv.get(kvKeys.listedTools(ctx.serverKey, ctx.clientScope)).catch(() => null);
  return seen !== null && seen !== toolsRevision(ctx);
}

